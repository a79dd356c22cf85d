import { assertPeriod, createWindow, isWindowFull, maxWindow, minWindow, nanArray, pushWindow, type WindowState } from './common.ts';
import type { BandsSeries, BandsValue } from './bollinger.ts';

/** Donchian channels: highest high and lowest low of the last `period` candles, middle = their mean. */
export interface DonchianState {
  highs: WindowState;
  lows: WindowState;
}

export function createDonchian(period = 20): DonchianState {
  assertPeriod('Donchian', period);
  return { highs: createWindow(period), lows: createWindow(period) };
}

export function updateDonchian(s: DonchianState, high: number, low: number, replace = false): BandsValue | null {
  pushWindow(s.highs, high, replace);
  pushWindow(s.lows, low, replace);
  if (!isWindowFull(s.highs)) return null;
  const upper = maxWindow(s.highs);
  const lower = minWindow(s.lows);
  return { upper, middle: (upper + lower) / 2, lower };
}

export function computeDonchian(series: { high: ArrayLike<number>; low: ArrayLike<number> }, period = 20): BandsSeries {
  assertPeriod('Donchian', period);
  const n = series.high.length;
  const out = { upper: nanArray(n), middle: nanArray(n), lower: nanArray(n) };
  for (let i = period - 1; i < n; i++) {
    let upper = -Infinity;
    let lower = Infinity;
    for (let j = i - period + 1; j <= i; j++) {
      if (series.high[j] > upper) upper = series.high[j];
      if (series.low[j] < lower) lower = series.low[j];
    }
    out.upper[i] = upper;
    out.lower[i] = lower;
    out.middle[i] = (upper + lower) / 2;
  }
  return out;
}
