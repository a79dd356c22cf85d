import { assertPeriod, createWindow, isWindowFull, maxWindow, minWindow, nanArray, pushWindow, sumWindow, type WindowState } from './common.ts';
import type { HlcSeries } from './atr.ts';

/**
 * Slow stochastic oscillator (trading-signals' StochasticOscillator, TA-Lib STOCH with SMA):
 * fast %K = 100 × (close − lowest low) / (highest high − lowest low) over kPeriod (a zero range
 * counts as 1), %K = SMA(kSlowing) of fast %K, %D = SMA(dPeriod) of %K. The two short
 * smoothings are fresh window means (as trading-signals), so a %K of exactly 0 or 100 stays exact.
 */
export interface StochasticValue {
  k: number;
  d: number;
}

export interface StochasticState {
  highs: WindowState;
  lows: WindowState;
  smoothK: WindowState;
  smoothD: WindowState;
  k: number | null;
  d: number | null;
}

export interface StochasticOptions {
  kPeriod?: number;
  kSlowing?: number;
  dPeriod?: number;
}

export function createStochastic({ kPeriod = 14, kSlowing = 3, dPeriod = 3 }: StochasticOptions = {}): StochasticState {
  assertPeriod('Stochastic kPeriod', kPeriod);
  assertPeriod('Stochastic kSlowing', kSlowing);
  assertPeriod('Stochastic dPeriod', dPeriod);
  return { highs: createWindow(kPeriod), lows: createWindow(kPeriod), smoothK: createWindow(kSlowing), smoothD: createWindow(dPeriod), k: null, d: null };
}

/** Advances the state, leaving %K and %D on it (%K appears dPeriod − 1 bars before %D). */
export function stepStochastic(s: StochasticState, high: number, low: number, close: number, replace: boolean): void {
  pushWindow(s.highs, high, replace);
  pushWindow(s.lows, low, replace);
  if (!isWindowFull(s.highs)) return;
  const highest = maxWindow(s.highs);
  const lowest = minWindow(s.lows);
  const divisor = highest - lowest;
  const fastK = ((close - lowest) * 100) / (divisor === 0 ? 1 : divisor);
  // A replaced bar reaches the same stages its add reached (same window fill), so `replace` passes through.
  s.k = meanOf(s.smoothK, fastK, replace);
  if (s.k !== null) s.d = meanOf(s.smoothD, s.k, replace);
}

function meanOf(w: WindowState, value: number, replace: boolean): number | null {
  pushWindow(w, value, replace);
  return isWindowFull(w) ? sumWindow(w) / w.size : null;
}

export function updateStochastic(s: StochasticState, high: number, low: number, close: number, replace = false): StochasticValue | null {
  stepStochastic(s, high, low, close, replace);
  return s.k !== null && s.d !== null ? { k: s.k, d: s.d } : null;
}

export interface StochasticSeries {
  k: Float64Array;
  d: Float64Array;
}

/**
 * Batch kernel: the streaming arithmetic written as plain loops over the arrays (window
 * extremes, then oldest-first sums), about 10× faster than stepping the streaming state.
 */
export function computeStochastic(series: HlcSeries, { kPeriod = 14, kSlowing = 3, dPeriod = 3 }: StochasticOptions = {}): StochasticSeries {
  createStochastic({ kPeriod, kSlowing, dPeriod }); // validates the periods
  const { high, low, close } = series;
  const n = close.length;
  const out = { k: nanArray(n), d: nanArray(n) };
  const fast = nanArray(n);
  for (let i = kPeriod - 1; i < n; i++) {
    let highest = -Infinity;
    let lowest = Infinity;
    for (let j = i - kPeriod + 1; j <= i; j++) {
      if (high[j] > highest) highest = high[j];
      if (low[j] < lowest) lowest = low[j];
    }
    const divisor = highest - lowest;
    fast[i] = ((close[i] - lowest) * 100) / (divisor === 0 ? 1 : divisor);
    const firstK = kPeriod - 1 + kSlowing - 1;
    if (i < firstK) continue;
    let sumK = 0;
    for (let j = i - kSlowing + 1; j <= i; j++) sumK += fast[j];
    out.k[i] = sumK / kSlowing;
    if (i < firstK + dPeriod - 1) continue;
    let sumD = 0;
    for (let j = i - dPeriod + 1; j <= i; j++) sumD += out.k[j];
    out.d[i] = sumD / dPeriod;
  }
  return out;
}
