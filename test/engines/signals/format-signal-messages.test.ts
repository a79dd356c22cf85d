import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { classifySignalMessage } from '../../../src/engines/signals/classify-message.ts';
import {
  computeProfitPct, describeLifecycle, formatChannelEvent, formatElapsed, formatSignalPost,
} from '../../../src/engines/signals/format-signal-messages.ts';
import { parseTextSignal } from '../../../src/engines/signals/parse-text-signal.ts';
import { runSignalLifecycle } from '../../../src/engines/signals/signal-lifecycle.ts';

const d = (x: string | number): Decimal => new Decimal(x);
const MIN = 60_000;

describe('formatSignalPost', () => {
  it('writes a Cornix signal that our parser reads back', () => {
    const post = formatSignalPost({
      symbol: 'BTC/USDT', direction: 'long', entries: [d(42000), d(41500)], targets: [d(43000), d(44000)], stopLoss: d(40500), leverage: 5, marginMode: 'isolated',
    });
    expect(post).toBe('#BTC/USDT LONG\nLeverage: Isolated 5x\nEntry: 42000 - 41500\nTargets:\n1) 43000\n2) 44000\nStop: 40500');
    const r = parseTextSignal(post);
    expect(r).toMatchObject({ ok: true, signal: { symbol: 'BTC/USDT', direction: 'long', leverage: 5, marginMode: 'isolated' } });
    expect(classifySignalMessage(post).kind).toBe('new_signal');
  });

  it('writes zones, breakouts and market entries', () => {
    const base = { symbol: 'ETH/USDT', direction: 'short' as const, targets: [d(1900)], stopLoss: d(2100) };
    expect(formatSignalPost({ ...base, entries: [d(2000), d(2050)], entryZone: { low: d(2000), high: d(2050) } })).toContain('Entry zone: 2000 - 2050');
    expect(formatSignalPost({ ...base, entries: [d(1950)], entryType: 'breakout_below' })).toContain('Enter below 1950');
    expect(formatSignalPost({ ...base, entries: [], entryType: 'market' })).toContain('Entry: market');
  });
});

describe('lifecycle replies', () => {
  it('formats periods as Cornix does', () => {
    expect(formatElapsed((13 * 1440 + 16 * 60 + 56) * MIN)).toBe('13 Days 16 Hours 56 Minutes');
    expect(formatElapsed((11 * 60 + 49) * MIN)).toBe('11 Hours 49 Minutes');
    expect(formatElapsed(2 * MIN)).toBe('2 Minutes');
    expect(formatElapsed(61 * MIN)).toBe('1 Hour 1 Minute');
    expect(formatElapsed(30_000)).toBe('0 Minutes');
    expect(formatElapsed(-5)).toBe('0 Minutes');
  });

  it('computes profit % on margin: price move times leverage', () => {
    expect(computeProfitPct('long', d(100), d(103), 10).toFixed()).toBe('30');
    expect(computeProfitPct('short', d(100), d(103), 2).toFixed()).toBe('-6');
    expect(computeProfitPct('short', d(100), d(95)).toFixed()).toBe('5');
  });

  it('writes every reply so that the classifier recognises it', () => {
    const cases = [
      [{ kind: 'entry_filled', symbol: 'APE/USDT', entryIndex: 2, entryCount: 2, averageEntry: d('4.493') }, 'entry_filled', 'All entry targets achieved'],
      [{ kind: 'entry_filled', symbol: 'APE/USDT', entryIndex: 1, entryCount: 2, averageEntry: d('4.5') }, 'entry_filled', 'Entry target 1'],
      [{ kind: 'target_hit', symbol: 'DOT/USDT', targetIndex: 2, targetCount: 3, profitPct: d('69.8204'), elapsedMs: 709 * MIN }, 'target_hit', 'Take-Profit target 2 ✅\nProfit: +69.82% 📈\nPeriod: 11 Hours 49 Minutes ⏰'],
      [{ kind: 'target_hit', symbol: 'DOT/USDT', targetIndex: 3, targetCount: 3, profitPct: d(90), elapsedMs: MIN }, 'target_hit', 'All take-profit targets achieved'],
      [{ kind: 'stop_hit', symbol: 'APE/USDT', lossPct: d('-12.5'), elapsedMs: MIN, pips: d(-50) }, 'stop_hit', 'Loss: -12.50%'],
      [{ kind: 'stop_after_take_profit', symbol: 'APE/USDT', resultPct: d(3), elapsedMs: MIN }, 'stop_hit', 'Closed at stoploss after reaching take profit'],
      [{ kind: 'cancelled', symbol: 'WAVES/USDT', reason: 'target_before_entry' }, 'cancelled', 'Target achieved before entering the entry zone'],
      [{ kind: 'closed', symbol: 'XRP/USDT', reason: 'opposite_signal' }, 'closed', 'Closed due to opposite direction signal'],
      [{ kind: 'closed', symbol: 'XRP/USDT', reason: 'manual', resultPct: d(1) }, 'closed', 'Closed manually'],
    ] as const;
    for (const [event, kind, text] of cases) {
      const message = formatChannelEvent(event);
      expect(message).toContain(text);
      expect(message.startsWith(`#${event.symbol} `)).toBe(true);
      expect(classifySignalMessage(message).kind).toBe(kind);
    }
  });

  it('turns a lifecycle run into replies, with leveraged percentages', () => {
    const signal = { direction: 'long' as const, entry: d(100), stopLoss: d(95), takeProfits: [d(102), d(105)], pipSize: d('0.01'), openedAt: 0 };
    const run = runSignalLifecycle(signal, [{ time: 90 * MIN, price: 102.5 }, { time: 120 * MIN, price: 99 }]);
    const replies = describeLifecycle('SOL/USDT', signal, run, 10);
    expect(replies.map((r) => r.kind)).toEqual(['target_hit', 'stop_after_take_profit']);
    // TP1 at 102 is +2 %, ×10 leverage; then half at 102 (+2 %) and half at 99 (-1 %): +0.5 %, ×10.
    expect(replies[0]).toMatchObject({ targetIndex: 1, elapsedMs: 90 * MIN });
    expect((replies[0] as any).profitPct.toFixed()).toBe('20');
    expect((replies[1] as any).resultPct.toFixed()).toBe('5');
  });
});
