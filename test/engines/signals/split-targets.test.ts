import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { splitQuantityAcrossTargets, targetSplitWeights, type TargetSplitMode } from '../../../src/engines/signals/split-targets.ts';

const d = (x: string | number): Decimal => new Decimal(x);
const split = (total: string, count: number, precision: number, mode: TargetSplitMode, customPct?: number[]) =>
  splitQuantityAcrossTargets({ total: d(total), targetCount: count, precision, mode, customPct: customPct?.map(d) });
const strs = (xs: Decimal[]): string[] => xs.map((x) => x.toFixed());
const sum = (xs: Decimal[]): string => xs.reduce((a, b) => a.plus(b), d(0)).toFixed();

describe('splitQuantityAcrossTargets: each mode, worked by hand', () => {
  it('evenly: 1 BTC over 4 targets is 0.25 each', () => {
    expect(strs(split('1', 4, 8, 'evenly').quantities)).toEqual(['0.25', '0.25', '0.25', '0.25']);
  });

  it('one, two and three targets leave the others empty', () => {
    expect(strs(split('9', 4, 0, 'one_target').quantities)).toEqual(['9', '0', '0', '0']);
    expect(strs(split('9', 4, 1, 'two_targets').quantities)).toEqual(['4.5', '4.5', '0', '0']);
    expect(strs(split('9', 4, 0, 'three_targets').quantities)).toEqual(['3', '3', '3', '0']);
    // Fewer targets than the mode names: all of them, evenly.
    expect(strs(split('9', 1, 0, 'three_targets').quantities)).toEqual(['9']);
  });

  it('fifty on first: 10 over 3 targets is 5, 2.5, 2.5', () => {
    expect(strs(split('10', 3, 2, 'fifty_on_first').quantities)).toEqual(['5', '2.5', '2.5']);
    expect(strs(split('10', 1, 2, 'fifty_on_first').quantities)).toEqual(['10']);
  });

  it('decreasing exponential halves each time: 7 over 3 is 4, 2, 1', () => {
    expect(strs(split('7', 3, 0, 'decreasing_exponential').quantities)).toEqual(['4', '2', '1']);
    // 15 over 4: 8, 4, 2, 1.
    expect(strs(split('15', 4, 0, 'decreasing_exponential').quantities)).toEqual(['8', '4', '2', '1']);
  });

  it('increasing exponential doubles each time: 7 over 3 is 1, 2, 4', () => {
    expect(strs(split('7', 3, 0, 'increasing_exponential').quantities)).toEqual(['1', '2', '4']);
  });

  it('custom percentages, missing ones meaning 0', () => {
    expect(strs(split('200', 4, 0, 'custom', [30, 20, 50]).quantities)).toEqual(['60', '40', '100', '0']);
  });
});

describe('splitQuantityAcrossTargets: rounding', () => {
  it('gives the rounding remainder to the last target, so parts add up exactly', () => {
    // 1 over 3 at 2 decimals: 0.33 each rounded down, 0.01 left, on TP3.
    const r = split('1', 3, 2, 'evenly');
    expect(strs(r.quantities)).toEqual(['0.33', '0.33', '0.34']);
    expect(r.remainderIndex).toBe(2);
    expect(sum(r.quantities)).toBe('1');
  });

  it('can give the remainder to the first target instead', () => {
    const r = splitQuantityAcrossTargets({ total: d(1), targetCount: 3, precision: 2, mode: 'evenly', remainderTo: 'first' });
    expect(strs(r.quantities)).toEqual(['0.34', '0.33', '0.33']);
  });

  it('puts the remainder on the last target that gets anything', () => {
    // two_targets on 4 targets, 1 at precision 0: 0 and 0 rounded down, the 1 goes to TP2.
    expect(strs(split('1', 4, 0, 'two_targets').quantities)).toEqual(['0', '1', '0', '0']);
  });

  it('at precision 0, rounds the total down and reports the dust', () => {
    const r = split('10.7', 3, 0, 'evenly');
    expect(strs(r.quantities)).toEqual(['3', '3', '4']);
    expect(r.total.toFixed()).toBe('10');
    expect(r.dust.toFixed()).toBe('0.7');
  });

  it('splits zero and huge totals', () => {
    expect(strs(split('0', 3, 4, 'evenly').quantities)).toEqual(['0', '0', '0']);
    const huge = '123456789012345678901234567890.12345678';
    const r = split(huge, 7, 8, 'decreasing_exponential');
    expect(sum(r.quantities)).toBe(huge);
    expect(r.quantities.every((q) => q.decimalPlaces() <= 8)).toBe(true);
  });

  it('weights always add up to 1', () => {
    for (const mode of ['evenly', 'fifty_on_first', 'decreasing_exponential', 'increasing_exponential'] as const) {
      for (const n of [1, 2, 3, 7, 10]) expect(new Decimal(sum(targetSplitWeights(mode, n))).minus(1).abs().lt('1e-70')).toBe(true);
    }
  });
});

describe('splitQuantityAcrossTargets: refuses bad input', () => {
  it.each([
    ['a negative total', () => split('-1', 3, 2, 'evenly')],
    ['no targets', () => split('1', 0, 2, 'evenly')],
    ['a negative precision', () => split('1', 2, -1, 'evenly')],
    ['custom percentages not adding up to 100', () => split('1', 2, 2, 'custom', [60, 60])],
    ['a negative custom percentage', () => split('1', 2, 2, 'custom', [120, -20])],
    ['more percentages than targets', () => split('1', 1, 2, 'custom', [50, 50])],
    ['custom without percentages', () => split('1', 2, 2, 'custom')],
  ])('%s', (_, run) => {
    expect(run).toThrow(RangeError);
  });
});
