import { assertPeriod } from './common.ts';

/**
 * Wilder's smoothing (trading-signals' WSMA, TA-Lib's "SMMA"): the first value is the plain mean
 * of the first `period` inputs, then s = (x − s) / period + s. RSI, ATR and ADX are built on it.
 */
export interface WilderState {
  period: number;
  factor: number;
  /** The first `period` inputs, kept so a replace of the seeding input recomputes the seed exactly. */
  seed: number[];
  count: number;
  value: number | null;
  /** The value before the latest add, so replace() can redo the latest step. */
  previous: number | null;
}

export function createWilder(period: number): WilderState {
  assertPeriod('Wilder smoothing', period);
  return { period, factor: 1 / period, seed: [], count: 0, value: null, previous: null };
}

export function updateWilder(s: WilderState, x: number, replace = false): number | null {
  if (!replace || s.count === 0) {
    s.count++;
    if (s.count <= s.period) {
      s.seed.push(x);
      if (s.count === s.period) s.value = meanOf(s.seed);
      return s.value;
    }
    s.previous = s.value;
  } else if (s.count <= s.period) {
    s.seed[s.count - 1] = x;
    if (s.count === s.period) s.value = meanOf(s.seed);
    return s.value;
  }
  const prev = s.previous as number;
  s.value = (x - prev) * s.factor + prev;
  return s.value;
}

function meanOf(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
