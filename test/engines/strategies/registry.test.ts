/**
 * Every bot type has an engine; engine state survives a JSON round trip between any two
 * decisions (the runner keeps it in jsonb) without changing a single decision; configs report
 * errors by field and range.
 */
import { describe, expect, it } from 'vitest';
import { BOT_TYPES, type StrategyEngine } from '../../../src/engines/types.ts';
import { parseBotConfig, strategyEngines } from '../../../src/engines/strategies/index.ts';
import { runBacktest } from '../../../src/engines/backtest/index.ts';
import { Decimal } from '../../../src/shared/money.ts';
import { engineCases } from '../../../bench/cases.ts';
import { loadArrayCandles } from '../helpers/fixtures.ts';
import { d, settingsFor, usdtPair } from '../helpers/scenario.ts';

function throughJson<C, S>(engine: StrategyEngine<C, S>): StrategyEngine<C, S> {
  return { ...engine, decide: (state, market, config) => { const r = engine.decide(state, market, config); return { ...r, state: JSON.parse(JSON.stringify(r.state)) }; } };
}

const summary = (r: ReturnType<typeof runBacktest>) => JSON.stringify({ trades: r.trades, decisions: r.decisions, alerts: r.alerts, equity: Array.from(r.equityCurve.equity) }, (_k, v) => (v instanceof Decimal ? v.toFixed() : v));

describe('strategy engine registry', () => {
  it('has an engine for every bot type, of that type', () => {
    expect(Object.keys(strategyEngines).sort()).toEqual([...BOT_TYPES].sort());
    for (const type of BOT_TYPES) expect(strategyEngines[type].type).toBe(type);
  });

  const candles = loadArrayCandles('ohlcv/trading-signals_LTC_USDT-1m.json');
  const cases = engineCases(candles[0].close);
  for (const type of BOT_TYPES) {
    it(`${type}: state through JSON after every decision changes nothing, and the engine trades`, () => {
      const c = cases[type];
      const settings = settingsFor({ pair: usdtPair({ symbol: 'LTC/USDT' }), fees: { makerRate: d('0.001'), takerRate: d('0.001') }, finalize: 'close', feed: c.feed, ...c.settings });
      const plain = runBacktest(strategyEngines[type], c.config, candles, settings);
      const json = runBacktest(throughJson(strategyEngines[type]), c.config, candles, settings);
      expect(summary(json)).toBe(summary(plain));
      expect(plain.totalTrades + plain.alerts.length).toBeGreaterThan(0);
      expect(plain.rejections).toEqual([]);
    });
  }

  it('parseBotConfig names each bad field and its range', () => {
    const r = parseBotConfig('grid', { lowerPrice: 'abc', upperPrice: 10, gridLevels: 1000, investment: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe('lowerPrice: lowerPrice must be a decimal number greater than 0; gridLevels: gridLevels must be a whole number between 2 and 500; investment: investment must be a decimal number greater than 0');
    }
    expect(parseBotConfig('scalping', {}).ok).toBe(true);
  });
});
