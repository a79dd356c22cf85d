import { Decimal, ONE, ZERO } from '../../../shared/money.ts';

export type SplitMode = 'evenly' | 'one_target' | 'fifty_on_first' | 'decreasing_exponential' | 'custom';

export interface SplitOptions {
  /** 1-based target that takes everything in 'one_target' mode. */
  oneTarget?: number;
  /** Percent per target in 'custom' mode; extra targets get 0, extra percents go to the last target. */
  customPercents?: readonly number[];
}

/**
 * Shares of the position per target (Cornix modes), exact fractions summing to 1:
 * - evenly: 1/n each;
 * - one_target: everything at one target (TP1 unless told);
 * - fifty_on_first: half at TP1, the rest evenly over the others;
 * - decreasing_exponential: each target half the previous, normalised (3 targets: 4/7, 2/7, 1/7);
 * - custom: the given percents, normalised.
 */
export function targetFractions(mode: SplitMode, count: number, options: SplitOptions = {}): Decimal[] {
  if (count <= 0) return [];
  const n = new Decimal(count);
  switch (mode) {
    case 'evenly':
      return Array.from({ length: count }, () => ONE.div(n));
    case 'one_target': {
      const k = Math.min(Math.max(1, options.oneTarget ?? 1), count) - 1;
      return Array.from({ length: count }, (_, i) => (i === k ? ONE : ZERO));
    }
    case 'fifty_on_first':
      if (count === 1) return [ONE];
      return Array.from({ length: count }, (_, i) => (i === 0 ? new Decimal('0.5') : new Decimal('0.5').div(count - 1)));
    case 'decreasing_exponential': {
      const total = new Decimal(2).pow(count).sub(1);
      return Array.from({ length: count }, (_, i) => new Decimal(2).pow(count - 1 - i).div(total));
    }
    case 'custom': {
      const given = options.customPercents ?? [];
      const raw = Array.from({ length: count }, (_, i) => new Decimal(given[i] ?? 0));
      for (let i = count; i < given.length; i++) raw[count - 1] = raw[count - 1].add(given[i]);
      return normalise(raw);
    }
  }
}

/** Rescales shares to sum to 1 (all zero stays all zero). */
export function normalise(shares: readonly Decimal[]): Decimal[] {
  const total = shares.reduce((sum, s) => sum.add(s), ZERO);
  return total.isZero() ? [...shares] : shares.map((s) => s.div(total));
}
