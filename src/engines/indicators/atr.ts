import { assertPeriod, nanArray } from './common.ts';
import { createWilder, updateWilder, type WilderState } from './wilder.ts';

/**
 * Average true range: Wilder smoothing of the true range. The first bar has no previous close,
 * so its true range is high − low (trading-signals, Tulip). TA-Lib and backtrader drop that bar
 * instead: pass `skipFirstBar: true` for their convention.
 */
export interface AtrState {
  count: number;
  skipFirstBar: boolean;
  lastClose: number;
  baseClose: number;
  smoothing: WilderState;
  value: number | null;
}

export function createAtr(period = 14, { skipFirstBar = false }: { skipFirstBar?: boolean } = {}): AtrState {
  assertPeriod('ATR', period);
  return { count: 0, skipFirstBar, lastClose: 0, baseClose: 0, smoothing: createWilder(period), value: null };
}

export function trueRange(high: number, low: number, previousClose: number | null): number {
  const highLow = high - low;
  if (previousClose === null) return highLow;
  return Math.max(highLow, Math.abs(high - previousClose), Math.abs(low - previousClose));
}

export function updateAtr(s: AtrState, high: number, low: number, close: number, replace = false): number | null {
  const isAdd = !replace || s.count === 0;
  if (isAdd) {
    s.count++;
    s.baseClose = s.lastClose;
  }
  s.lastClose = close;
  if (s.count === 1 && s.skipFirstBar) return null;
  const tr = trueRange(high, low, s.count === 1 ? null : s.baseClose);
  s.value = updateWilder(s.smoothing, tr, !isAdd);
  return s.value;
}

export interface HlcSeries {
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
}

export function computeAtr(series: HlcSeries, period = 14, options: { skipFirstBar?: boolean } = {}): Float64Array {
  const s = createAtr(period, options);
  const n = series.close.length;
  const out = nanArray(n);
  for (let i = 0; i < n; i++) {
    const v = updateAtr(s, series.high[i], series.low[i], series.close[i]);
    if (v !== null) out[i] = v;
  }
  return out;
}
