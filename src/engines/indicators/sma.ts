import { assertPeriod, createWindow, isWindowFull, nanArray, pushWindow, sumRange, sumWindow, type WindowState } from './common.ts';

/**
 * Simple moving average. Each value is a fresh oldest-first sum of the window divided by the
 * period — the same arithmetic as trading-signals, so values are bit-identical to it, do not
 * drift over millions of candles, and do not depend on where the series started.
 */
export type SmaState = WindowState;

export function createSma(period: number): SmaState {
  assertPeriod('SMA', period);
  return createWindow(period);
}

export function updateSma(s: SmaState, value: number, replace = false): number | null {
  pushWindow(s, value, replace);
  return isWindowFull(s) ? sumWindow(s) / s.size : null;
}

export function computeSma(values: ArrayLike<number>, period: number): Float64Array {
  assertPeriod('SMA', period);
  const n = values.length;
  const out = nanArray(n);
  for (let i = period - 1; i < n; i++) out[i] = sumRange(values, i - period + 1, i) / period;
  return out;
}
