import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTradingViewAlert, readTradingViewAlert } from '../../../src/engines/signals/parse-tradingview-alert.ts';
import { parseSignalMessage } from '../../../src/engines/signals/parse-signal-message.ts';
import { readFixtureJson, readFixtureText } from './load-fixtures.ts';

const filled = readFixtureText('tradingview/hackingthemarkets_tradingview_webhook_payload_filled.json');
const template = readFixtureText('tradingview/hackingthemarkets_tradingview_webhook_payload_format.txt');
const examples = readFixtureJson<{ examples: any[] }>('tradingview/tradingview_alert_webhooks.json').examples;
const tickerly = examples.find((e) => String(e.name).startsWith('Tickerly')).raw_text as string;

describe('TradingView alerts (real payloads)', () => {
  it('reads the filled hackingthemarkets strategy payload as a long market entry', () => {
    const r = readTradingViewAlert(filled);
    if (!r.ok) throw new Error(r.reason);
    expect(r.alert).toMatchObject({
      symbol: 'DOGE/USDT', ticker: 'DOGEUSDT', exchange: 'BINANCE', action: 'buy', orderId: 'doge door',
      marketPosition: 'long', prevMarketPosition: 'flat', kind: 'entry', secret: 'abcdefgh', time: '2020-09-06T01:44:17Z',
    });
    expect(r.alert.price!.toFixed()).toBe('0.0027451');
    expect(r.alert.contracts!.toFixed()).toBe('10000');
    const s = parseTradingViewAlert(filled);
    if (!s.ok) throw new Error(s.reason);
    expect(s.signal).toMatchObject({ symbol: 'DOGE/USDT', direction: 'long', entryType: 'market', targets: [], stopLoss: null });
    expect(s.signal.entries.map(String)).toEqual(['0.0027451']);
  });

  it('explains an unfilled template: placeholders left in the message', () => {
    const r = parseSignalMessage(template);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not valid JSON.*\{\{open\}\}.*did not replace/);
  });

  it('explains the typographic-quotes copy-paste mistake', () => {
    const r = parseSignalMessage(tickerly);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/typographic quotes/);
  });

  it('says what is missing from a body without ticker or action', () => {
    const r = parseSignalMessage(JSON.stringify(examples.find((e) => String(e.name).startsWith('tradingview-webhooks-bot')).json));
    expect(r).toMatchObject({ ok: false, missing: ['ticker', 'action'] });
  });
});

describe('TradingView alerts: field spellings and exits', () => {
  it('accepts nested, dotted and plain field names', () => {
    const nested = { ticker: 'BINANCE:ETHUSDT.P', strategy: { order: { action: 'sell', price: 2000, contracts: '1.5' }, market_position: 'short' } };
    const dotted = { ticker: 'ETHUSDT', 'strategy.order.action': 'sell', 'strategy.order.price': '2000', 'strategy.market_position': 'short' };
    const plain = { ticker: 'ETH/USDT', action: 'SELL', close: 2000 };
    for (const body of [nested, dotted, plain]) {
      const r = parseTradingViewAlert(body);
      if (!r.ok) throw new Error(r.reason);
      expect(r.signal).toMatchObject({ symbol: 'ETH/USDT', direction: 'short' });
      expect(r.signal.entries.map(String)).toEqual(['2000']);
    }
    const r = readTradingViewAlert(nested);
    expect(r.ok && r.alert.exchange).toBe('BINANCE');
  });

  it('takes optional stop and targets, and checks their side', () => {
    const ok = parseTradingViewAlert({ ticker: 'BTCUSDT', action: 'buy', price: 100, sl: 95, tp: [110, '120'] });
    expect(ok.ok && ok.signal.targets.map(String)).toEqual(['110', '120']);
    const bad = parseTradingViewAlert({ ticker: 'BTCUSDT', action: 'buy', price: 100, sl: 105 });
    expect(bad.ok).toBe(false);
  });

  it('treats an order that leaves the position flat, or reduces it, as an exit', () => {
    const flat = { ticker: 'BTCUSDT', strategy: { order: { action: 'sell' }, market_position: 'flat', prev_market_position: 'long' } };
    expect(readTradingViewAlert(flat)).toMatchObject({ ok: true, alert: { kind: 'exit' } });
    const r = parseTradingViewAlert(flat);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/closes a LONG position/);
    const reduce = { ticker: 'BTCUSDT', action: 'sell', market_position: 'long', prev_market_position: 'long' };
    expect(readTradingViewAlert(reduce)).toMatchObject({ ok: true, alert: { kind: 'exit' } });
    const reverse = { ticker: 'BTCUSDT', action: 'sell', market_position: 'short', prev_market_position: 'long' };
    expect(parseTradingViewAlert(reverse)).toMatchObject({ ok: true, signal: { direction: 'short' } });
  });

  it('refuses placeholders left in values and non-numbers', () => {
    const r = parseTradingViewAlert({ ticker: 'BTCUSDT', action: '{{strategy.order.action}}' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/strategy\.\* placeholders are filled only in alerts created from a strategy/);
    const n = parseTradingViewAlert({ ticker: 'BTCUSDT', action: 'buy', price: 'NaN' });
    expect(n.ok).toBe(false);
    if (!n.ok) expect(n.reason).toMatch(/price "NaN" is not a positive number/);
    expect(parseTradingViewAlert({ ticker: 'BTCUSDT', action: 'buy', price: -5 }).ok).toBe(false);
  });

  it('refuses JSON that is not an object, and an empty body', () => {
    expect(parseTradingViewAlert('[1,2]')).toMatchObject({ ok: false });
    expect(parseTradingViewAlert('')).toMatchObject({ ok: false, reason: 'The message is empty.' });
    expect(parseSignalMessage('{"ticker": "BTCUSDT", "action": "buy",}')).toMatchObject({ ok: false });
  });
});

describe('the template in docs/signal-formats.md', () => {
  const doc = readFileSync(new URL('../../../docs/signal-formats.md', import.meta.url), 'utf8');
  const [strategyTemplate, indicatorTemplate] = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
  // What TradingView substitutes when a strategy's long entry fires.
  const values: Record<string, string> = {
    ticker: 'BINANCE:ETHUSDT', exchange: 'BINANCE', 'strategy.order.action': 'buy', 'strategy.order.contracts': '2',
    'strategy.order.price': '3150.5', 'strategy.order.id': 'Long', 'strategy.market_position': 'long',
    'strategy.prev_market_position': 'flat', timenow: '2024-01-15T08:00:00Z', close: '3150.5',
  };
  const fill = (t: string): string => t.replace(/\{\{([^}]+)\}\}/g, (_, k: string) => values[k]);

  it('is valid JSON once TradingView fills it, and reads as a long entry', () => {
    const alert = readTradingViewAlert(fill(strategyTemplate));
    if (!alert.ok) throw new Error(alert.reason);
    expect(alert.alert).toMatchObject({ symbol: 'ETH/USDT', action: 'buy', kind: 'entry', secret: 'YOUR_WEBHOOK_SECRET', orderId: 'Long' });
    expect(alert.alert.contracts!.toFixed()).toBe('2');
    expect(parseSignalMessage(fill(strategyTemplate))).toMatchObject({ ok: true, format: 'tradingview', signal: { direction: 'long' } });
  });

  it('the indicator template goes to our JSON format', () => {
    const body = fill(indicatorTemplate).replace('"targets": ["…"]', '"targets": ["3300"]').replace('"stopLoss": "…"', '"stopLoss": "3000"');
    expect(parseSignalMessage(body)).toMatchObject({ ok: true, format: 'json', signal: { symbol: 'ETH/USDT', direction: 'long' } });
  });
});
