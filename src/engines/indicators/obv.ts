import { nanArray } from './common.ts';

/**
 * On-balance volume, starting at 0 on the first candle (Tulip, technicalindicators): each later
 * candle adds its volume when the close rose, subtracts it when it fell. trading-signals' OBV(2)
 * gives the same values from the second candle on; TA-Lib starts at the first candle's volume.
 */
export interface ObvState {
  count: number;
  last: number;
  base: number;
  value: number;
  previous: number;
}

export function createObv(): ObvState {
  return { count: 0, last: 0, base: 0, value: 0, previous: 0 };
}

export function updateObv(s: ObvState, close: number, volume: number, replace = false): number {
  if (!replace || s.count === 0) {
    s.count++;
    s.base = s.last;
    s.previous = s.value;
  }
  s.last = close;
  if (s.count === 1) {
    s.value = 0;
    return 0;
  }
  const direction = close > s.base ? volume : close < s.base ? -volume : 0;
  s.value = s.previous + direction;
  return s.value;
}

export function computeObv(series: { close: ArrayLike<number>; volume: ArrayLike<number> }): Float64Array {
  const s = createObv();
  const n = series.close.length;
  const out = nanArray(n);
  for (let i = 0; i < n; i++) out[i] = updateObv(s, series.close[i], series.volume[i]);
  return out;
}
