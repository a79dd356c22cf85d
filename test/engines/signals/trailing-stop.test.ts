import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { computeTrailingStop, tighterStop, type TrailingStopRule, type TrailingStopState } from '../../../src/engines/signals/trailing-stop.ts';

const d = (x: string | number): Decimal => new Decimal(x);
const long = (targetsHit: number, extra: Partial<TrailingStopState> = {}): TrailingStopState => ({
  direction: 'long', entryPrice: d(100), targets: [d(110), d(120), d(130), d(140)], targetsHit, currentStop: d(90), ...extra,
});
const short = (targetsHit: number, extra: Partial<TrailingStopState> = {}): TrailingStopState => ({
  direction: 'short', entryPrice: d(100), targets: [d(90), d(80), d(70)], targetsHit, currentStop: d(110), ...extra,
});
const stopOf = (rule: TrailingStopRule, state: TrailingStopState): string | undefined => computeTrailingStop(rule, state)?.toFixed();

describe('computeTrailingStop', () => {
  it('none keeps the stop', () => {
    expect(stopOf({ mode: 'none' }, long(3))).toBe('90');
  });

  it('breakeven after a chosen target', () => {
    const rule: TrailingStopRule = { mode: 'breakeven', afterTarget: 2 };
    expect(stopOf(rule, long(1))).toBe('90');
    expect(stopOf(rule, long(2))).toBe('100');
    expect(stopOf(rule, short(2))).toBe('100');
  });

  it('moving target: TP1 → entry, TP2 → TP1, TP3 → TP2', () => {
    const rule: TrailingStopRule = { mode: 'moving_target' };
    expect([0, 1, 2, 3, 4].map((k) => stopOf(rule, long(k)))).toEqual(['90', '100', '110', '120', '130']);
    expect([1, 2, 3].map((k) => stopOf(rule, short(k)))).toEqual(['100', '90', '80']);
  });

  it('moving 2-target: two targets behind', () => {
    const rule: TrailingStopRule = { mode: 'moving_2_target' };
    expect([1, 2, 3, 4].map((k) => stopOf(rule, long(k)))).toEqual(['90', '100', '110', '120']);
  });

  it('percent below triggers: 5 % under the last target hit (above it for a short)', () => {
    const rule: TrailingStopRule = { mode: 'percent_below_triggers', percent: d(5) };
    expect(stopOf(rule, long(0))).toBe('90');
    expect(stopOf(rule, long(2))).toBe('114'); // 120 × 0.95
    expect(stopOf(rule, short(1))).toBe('94.5'); // 90 × 1.05
  });

  it('percent below highest: follows the best price from the chosen target on', () => {
    const rule: TrailingStopRule = { mode: 'percent_below_highest', percent: d(10) };
    expect(stopOf(rule, long(0, { bestPrice: d(105) }))).toBe('90'); // not active before TP1
    expect(stopOf(rule, long(1, { bestPrice: d(115) }))).toBe('103.5');
    expect(stopOf({ ...rule, afterTarget: 0 }, long(0, { bestPrice: d(105) }))).toBe('94.5');
    expect(stopOf(rule, short(1, { bestPrice: d(85) }))).toBe('93.5');
  });

  it('never loosens the stop', () => {
    // Already at 125 (tighter than moving target's 110 after TP2): stays.
    expect(stopOf({ mode: 'moving_target' }, long(2, { currentStop: d(125) }))).toBe('125');
    expect(stopOf({ mode: 'breakeven', afterTarget: 1 }, short(1, { currentStop: d(95) }))).toBe('95');
    expect(tighterStop('long', null, d(1))!.toFixed()).toBe('1');
    expect(tighterStop('short', d(5), null)!.toFixed()).toBe('5');
  });

  it('refuses a percent outside 0..100', () => {
    expect(() => computeTrailingStop({ mode: 'percent_below_triggers', percent: d(-1) }, long(1))).toThrow(RangeError);
    expect(() => computeTrailingStop({ mode: 'percent_below_highest', percent: d(100) }, long(1))).toThrow(RangeError);
  });
});
