import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { runSignalLifecycle } from '../../../src/engines/signals/signal-lifecycle.ts';
import type { LifecycleSignal } from '../../../src/engines/signals/lifecycle-types.ts';
import type { Candle } from '../../../src/engines/types.ts';

const d = (x: string | number): Decimal => new Decimal(x);
const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 15, 8);
// EUR/USD long: entry 1.1000, stop 50 pips below, targets +20, +50, +100 pips.
const eurusd: LifecycleSignal = {
  direction: 'BUY', entry: d('1.1000'), stopLoss: d('1.0950'), takeProfits: [d('1.1020'), d('1.1050'), d('1.1100')], pipSize: d('0.0001'), openedAt: T0,
};
const bar = (i: number, open: number, high: number, low: number, close = open): Candle => ({ time: T0 + i * H, open, high, low, close, volume: 1 });
const close = (x: Decimal, y: string): void => expect(x.minus(y).abs().lt('1e-40')).toBe(true);

describe('runSignalLifecycle: a long forex signal', () => {
  it('runs ACTIVE → TP1_HIT → TP2_HIT → TP3_HIT, moving the stop to breakeven after TP1', () => {
    const r = runSignalLifecycle(eurusd, [bar(0, 1.1, 1.101, 1.099), bar(1, 1.1005, 1.1025, 1.1), bar(2, 1.102, 1.106, 1.101), bar(3, 1.105, 1.111, 1.104)]);
    expect(r.events.map((e) => [e.kind, e.status, e.time - T0])).toEqual([
      ['tp_hit', 'TP1_HIT', H], ['stop_moved', 'TP1_HIT', H], ['tp_hit', 'TP2_HIT', 2 * H], ['tp_hit', 'TP3_HIT', 3 * H],
    ]);
    expect(r).toMatchObject({ status: 'TP3_HIT', closed: true, closeReason: 'all_targets', closedAt: T0 + 3 * H, targetsHit: 3 });
    expect(r.events.map((e) => e.pips.toFixed())).toEqual(['20', '0', '50', '100']);
    expect(r.stopLoss.toFixed()).toBe('1.1');
    // A third of the position at each target: (20 + 50 + 100) / 3 pips; (0.0020 + 0.0050 + 0.0100) / 1.1 / 3 × 100 %.
    close(r.pips, new Decimal(170).div(3).toFixed());
    close(r.pct, new Decimal('0.017').div('1.1').div(3).times(100).toFixed());
    expect(r.openShare.isZero()).toBe(true);
  });

  it('is STOPPED when the stop comes first, with the loss in pips and %', () => {
    const r = runSignalLifecycle(eurusd, [bar(0, 1.1, 1.101, 1.094)]);
    expect(r).toMatchObject({ status: 'STOPPED', closeReason: 'stop', targetsHit: 0 });
    expect(r.pips.toFixed()).toBe('-50');
    close(r.pct, new Decimal('-0.005').div('1.1').times(100).toFixed());
  });

  it('is CLOSED at stop after a take profit when the breakeven stop is hit', () => {
    const path = [bar(0, 1.1, 1.101, 1.099), bar(1, 1.1005, 1.1025, 1.1), bar(2, 1.101, 1.1015, 1.099)];
    const r = runSignalLifecycle(eurusd, path);
    expect(r).toMatchObject({ status: 'CLOSED', closeReason: 'stop_after_take_profit', targetsHit: 1 });
    expect(r.events.at(-1)).toMatchObject({ kind: 'stop_hit', status: 'CLOSED' });
    expect(r.events.at(-1)!.price.toFixed()).toBe('1.1');
    // A third closed at +20, two thirds at breakeven.
    close(r.pips, new Decimal(20).div(3).toFixed());
    // With the breakeven move switched off, the original stop (1.0950) is not reached.
    expect(runSignalLifecycle(eurusd, path, { breakevenAfterTp: null })).toMatchObject({ status: 'TP1_HIT', closed: false });
  });

  it('counts the stop first when one candle touches both the stop and a target', () => {
    const r = runSignalLifecycle(eurusd, [bar(0, 1.1, 1.103, 1.094)]);
    expect(r).toMatchObject({ status: 'STOPPED', targetsHit: 0 });
  });

  it('fills a stop gapped through at the open, not at the stop', () => {
    const r = runSignalLifecycle(eurusd, [bar(0, 1.1, 1.101, 1.099), bar(1, 1.09, 1.092, 1.088)]);
    expect(r.events.at(-1)).toMatchObject({ kind: 'stop_hit', gap: true });
    expect(r.pips.toFixed()).toBe('-100');
  });

  it('hits targets gapped through at the open first, at their levels', () => {
    const r = runSignalLifecycle(eurusd, [bar(0, 1.1, 1.101, 1.099), bar(1, 1.106, 1.107, 1.1055)]);
    expect(r.events.filter((e) => e.kind === 'tp_hit').map((e) => e.price.toFixed())).toEqual(['1.102', '1.105']);
    expect(r.status).toBe('TP2_HIT');
    // Gap over TP1, then down through the original stop in the same bar: TP1 at 1.1020, the rest at 1.0950.
    const g = runSignalLifecycle(eurusd, [bar(0, 1.1, 1.101, 1.099), bar(1, 1.103, 1.103, 1.09)]);
    expect(g).toMatchObject({ status: 'CLOSED', closeReason: 'stop_after_take_profit' });
    close(g.pips, new Decimal(20).div(3).plus(new Decimal(-50).times(2).div(3)).toFixed());
  });

  it('expires at the open of the first bar at or after the expiry time', () => {
    const r = runSignalLifecycle(eurusd, [bar(0, 1.1, 1.101, 1.099), bar(1, 1.1, 1.101, 1.099), bar(2, 1.1005, 1.101, 1.099)], { expiresAt: T0 + 2 * H });
    expect(r).toMatchObject({ status: 'CLOSED', closeReason: 'expired', closedAt: T0 + 2 * H });
    expect(r.pips.toFixed()).toBe('5');
  });

  it('closes by hand at the given time and price, also after the last bar', () => {
    const path = [bar(0, 1.1, 1.101, 1.099), bar(1, 1.1, 1.103, 1.099), bar(2, 1.1, 1.106, 1.099)];
    const r = runSignalLifecycle(eurusd, path, { manualClose: { time: T0 + 1.5 * H, price: d('1.1012') } });
    expect(r).toMatchObject({ status: 'CLOSED', closeReason: 'manual', targetsHit: 1 });
    // TP1 (a third, +20) at bar 1; the rest closed by hand at +12.
    close(r.pips, new Decimal(20).div(3).plus(new Decimal(12).times(2).div(3)).toFixed());
    expect(runSignalLifecycle(eurusd, path.slice(0, 1), { manualClose: { time: T0 + 9 * H, price: d('1.0990') } }).pips.toFixed()).toBe('-10');
  });

  it('ignores bars before the signal and reports an open signal on an empty path', () => {
    expect(runSignalLifecycle(eurusd, [bar(-1, 1.1, 1.2, 1.0)])).toMatchObject({ status: 'ACTIVE', closed: false, events: [] });
    const r = runSignalLifecycle(eurusd, []);
    expect(r).toMatchObject({ status: 'ACTIVE', closed: false, closedAt: null, targetsHit: 0 });
    expect(r.openShare.toFixed()).toBe('1');
  });
});

describe('runSignalLifecycle: short, ticks, limit entries, trailing', () => {
  // USD/JPY short: entry 150.00, stop 150.50, targets 149.50, 149.00, 148.00; a pip is 0.01.
  const usdjpy: LifecycleSignal = {
    direction: 'short', entry: d('150'), stopLoss: d('150.5'), takeProfits: [d('149.5'), d('149'), d('148')], pipSize: d('0.01'), openedAt: T0,
  };
  const ticks = (...prices: number[]) => prices.map((price, i) => ({ time: T0 + i * 1000, price }));

  it('runs on ticks: TP1, then the breakeven stop, filled at the tick that crossed it', () => {
    const r = runSignalLifecycle(usdjpy, ticks(149.8, 149.49, 149.9, 150.01));
    expect(r).toMatchObject({ status: 'CLOSED', closeReason: 'stop_after_take_profit' });
    // A third at +50 pips; two thirds at 150.01, one pip against the short.
    close(r.pips, new Decimal(50).div(3).plus(new Decimal(-1).times(2).div(3)).toFixed());
  });

  it('waits for a limit entry, and cancels when a target comes first', () => {
    const filled = runSignalLifecycle(usdjpy, ticks(149.7, 150.0, 149.4), { entryMode: 'limit' });
    expect(filled.events.map((e) => [e.kind, e.status])).toEqual([['entry_filled', 'ACTIVE'], ['tp_hit', 'TP1_HIT'], ['stop_moved', 'TP1_HIT']]);
    const cancelled = runSignalLifecycle(usdjpy, ticks(149.7, 149.5, 150.0), { entryMode: 'limit' });
    expect(cancelled).toMatchObject({ status: 'CLOSED', closeReason: 'cancelled_before_entry' });
    expect(cancelled.pips.toFixed()).toBe('0');
    const expired = runSignalLifecycle(usdjpy, ticks(149.7, 149.8), { entryMode: 'limit', expiresAt: T0 + 1000 });
    expect(expired.events[0]).toMatchObject({ kind: 'expired', beforeEntry: true });
  });

  it('follows a moving-target trailing rule and custom close shares', () => {
    const r = runSignalLifecycle(usdjpy, ticks(149.4, 148.9, 149.6), { trailing: { mode: 'moving_target' }, closeShares: [d('0.5'), d('0.25'), d('0.25')] });
    // TP1 → stop 150 (entry); TP2 → stop 149.5 (TP1); 149.6 crosses it: closed with a quarter left at 149.6.
    expect(r.events.filter((e) => e.kind === 'stop_moved').map((e) => e.price.toFixed())).toEqual(['150', '149.5']);
    expect(r).toMatchObject({ status: 'CLOSED', closeReason: 'stop_after_take_profit' });
    expect(r.pips.toFixed()).toBe('60'); // 0.5 × 50 + 0.25 × 100 + 0.25 × 40
  });

  it('refuses inconsistent input', () => {
    expect(() => runSignalLifecycle({ ...usdjpy, stopLoss: d(149) }, [])).toThrow(RangeError);
    expect(() => runSignalLifecycle({ ...usdjpy, takeProfits: [d(151)] }, [])).toThrow(RangeError);
    expect(() => runSignalLifecycle({ ...usdjpy, takeProfits: [] }, [])).toThrow(RangeError);
    expect(() => runSignalLifecycle({ ...usdjpy, pipSize: d(0) }, [])).toThrow(RangeError);
    expect(() => runSignalLifecycle(usdjpy, [], { closeShares: [d('0.5'), d('0.5')] })).toThrow(RangeError);
    expect(() => runSignalLifecycle(usdjpy, [{ time: T0 + 2, price: 1 }, { time: T0 + 1, price: 1 }])).toThrow(RangeError);
  });
});
