import { assertPeriod, createWindow, isWindowFull, nanArray, pushWindow, sumRange, type WindowState } from './common.ts';

/**
 * Bollinger Bands: middle = SMA(period); bands = middle ± multiplier × population standard
 * deviation (divide by N, as trading-signals, Tulip, TA-Lib and backtrader do).
 */
export interface BandsValue {
  upper: number;
  middle: number;
  lower: number;
}

export interface BollingerState extends WindowState {
  multiplier: number;
}

export function createBollinger(period = 20, multiplier = 2): BollingerState {
  assertPeriod('Bollinger', period);
  return { ...createWindow(period), multiplier };
}

export function updateBollinger(s: BollingerState, price: number, replace = false): BandsValue | null {
  const out = { upper: 0, middle: 0, lower: 0 };
  return stepBollinger(s, price, out, replace) ? out : null;
}

/** updateBollinger without a new object per value: writes the bands into `out`; false during warm-up. */
export function stepBollinger(s: BollingerState, price: number, out: BandsValue, replace = false): boolean {
  pushWindow(s, price, replace);
  if (!isWindowFull(s)) return false;
  // Oldest first — the ring from `next` to its end, then from its start — in the same order
  // (so the same sums, bit for bit) as trading-signals, without an index function per value.
  const n = s.size;
  const ring = s.ring;
  const start = s.next;
  let sum = 0;
  for (let j = start; j < n; j++) sum += ring[j];
  for (let j = 0; j < start; j++) sum += ring[j];
  const middle = sum / n;
  let sq = 0;
  for (let j = start; j < n; j++) {
    const d = ring[j] - middle;
    sq += d * d;
  }
  for (let j = 0; j < start; j++) {
    const d = ring[j] - middle;
    sq += d * d;
  }
  const sd = Math.sqrt(sq / n);
  out.upper = middle + sd * s.multiplier;
  out.middle = middle;
  out.lower = middle - sd * s.multiplier;
  return true;
}

function bandsOf(values: ArrayLike<number>, from: number, to: number, multiplier: number): BandsValue {
  const n = to - from + 1;
  const middle = sumRange(values, from, to) / n;
  let sq = 0;
  for (let j = from; j <= to; j++) {
    const d = values[j] - middle;
    sq += d * d;
  }
  const sd = Math.sqrt(sq / n);
  return { upper: middle + sd * multiplier, middle, lower: middle - sd * multiplier };
}

export interface BandsSeries {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

export function computeBollinger(values: ArrayLike<number>, period = 20, multiplier = 2): BandsSeries {
  assertPeriod('Bollinger', period);
  const n = values.length;
  const out = { upper: nanArray(n), middle: nanArray(n), lower: nanArray(n) };
  for (let i = period - 1; i < n; i++) {
    const b = bandsOf(values, i - period + 1, i, multiplier);
    out.upper[i] = b.upper;
    out.middle[i] = b.middle;
    out.lower[i] = b.lower;
  }
  return out;
}
