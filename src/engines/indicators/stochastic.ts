import { assertPeriod, createWindow, isWindowFull, maxWindow, minWindow, nanArray, pushWindow, type WindowState } from './common.ts';
import { createSma, updateSma, type SmaState } from './sma.ts';
import type { HlcSeries } from './atr.ts';

/**
 * Slow stochastic oscillator (trading-signals' StochasticOscillator, TA-Lib STOCH with SMA):
 * fast %K = 100 × (close − lowest low) / (highest high − lowest low) over kPeriod (a zero range
 * counts as 1), %K = SMA(kSlowing) of fast %K, %D = SMA(dPeriod) of %K.
 */
export interface StochasticValue {
  k: number;
  d: number;
}

export interface StochasticState {
  highs: WindowState;
  lows: WindowState;
  smoothK: SmaState;
  smoothD: SmaState;
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
  return { highs: createWindow(kPeriod), lows: createWindow(kPeriod), smoothK: createSma(kSlowing), smoothD: createSma(dPeriod), k: null, d: null };
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
  s.k = updateSma(s.smoothK, fastK, replace);
  if (s.k !== null) s.d = updateSma(s.smoothD, s.k, replace);
}

export function updateStochastic(s: StochasticState, high: number, low: number, close: number, replace = false): StochasticValue | null {
  stepStochastic(s, high, low, close, replace);
  return s.k !== null && s.d !== null ? { k: s.k, d: s.d } : null;
}

export interface StochasticSeries {
  k: Float64Array;
  d: Float64Array;
}

export function computeStochastic(series: HlcSeries, options: StochasticOptions = {}): StochasticSeries {
  const s = createStochastic(options);
  const n = series.close.length;
  const out = { k: nanArray(n), d: nanArray(n) };
  for (let i = 0; i < n; i++) {
    stepStochastic(s, series.high[i], series.low[i], series.close[i], false);
    if (s.k !== null) out.k[i] = s.k;
    if (s.d !== null) out.d[i] = s.d;
  }
  return out;
}
