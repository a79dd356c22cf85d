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
  pushWindow(s, price, replace);
  if (!isWindowFull(s)) return null;
  const n = s.size;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += s.ring[ringIndex(s, j)];
  const middle = sum / n;
  let sq = 0;
  for (let j = 0; j < n; j++) {
    const d = s.ring[ringIndex(s, j)] - middle;
    sq += d * d;
  }
  const sd = Math.sqrt(sq / n);
  return { upper: middle + sd * s.multiplier, middle, lower: middle - sd * s.multiplier };
}

/** Index of the j-th oldest value in the ring. */
function ringIndex(s: WindowState, j: number): number {
  const k = s.next + j;
  return k >= s.size ? k - s.size : k;
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
