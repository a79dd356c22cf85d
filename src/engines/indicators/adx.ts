import { nanArray, assertPeriod } from './common.ts';
import { createAtr, updateAtr, type AtrState, type HlcSeries } from './atr.ts';
import { createWilder, updateWilder, type WilderState } from './wilder.ts';

/**
 * Average directional index (trading-signals' DX/ADX): +DM and −DM are Wilder-smoothed (the
 * first bar contributes a 0 to each), +DI = smoothed +DM / ATR, DX = |+DI − −DI| / (+DI + −DI) × 100,
 * ADX = Wilder(DX). First ADX after 2·period − 1 bars.
 * +DI and −DI are reported in percent (trading-signals reports them as fractions). A flat series
 * (ATR = 0) gives DI = 0 and DX = 0 where trading-signals gives NaN.
 * `skipFirstBar` follows Wilder's book, backtrader and technicalindicators instead: the first bar
 * contributes nothing, and ±DM and TR start on the second bar.
 */
export interface AdxValue {
  adx: number;
  pdi: number;
  mdi: number;
}

export interface AdxState {
  count: number;
  skipFirstBar: boolean;
  lastHigh: number;
  lastLow: number;
  baseHigh: number;
  baseLow: number;
  atr: AtrState;
  up: WilderState;
  down: WilderState;
  smoothed: WilderState;
  pdi: number | null;
  mdi: number | null;
}

export function createAdx(period = 14, { skipFirstBar = false }: { skipFirstBar?: boolean } = {}): AdxState {
  assertPeriod('ADX', period);
  return {
    count: 0, skipFirstBar, lastHigh: 0, lastLow: 0, baseHigh: 0, baseLow: 0,
    atr: createAtr(period, { skipFirstBar }), up: createWilder(period), down: createWilder(period), smoothed: createWilder(period),
    pdi: null, mdi: null,
  };
}

/** Advances the state and returns the ADX, or null during warm-up; +DI/−DI are left on the state. */
export function stepAdx(s: AdxState, high: number, low: number, close: number, replace: boolean): number | null {
  const isAdd = !replace || s.count === 0;
  if (isAdd) {
    s.count++;
    s.baseHigh = s.lastHigh;
    s.baseLow = s.lastLow;
  }
  s.lastHigh = high;
  s.lastLow = low;
  const atr = updateAtr(s.atr, high, low, close, !isAdd);
  if (s.count === 1 && s.skipFirstBar) return null;
  let pdm = 0;
  let mdm = 0;
  if (s.count > 1) {
    const higherHigh = high - s.baseHigh;
    const lowerLow = s.baseLow - low;
    pdm = higherHigh < 0 || higherHigh < lowerLow ? 0 : higherHigh;
    mdm = lowerLow < 0 || lowerLow < higherHigh ? 0 : lowerLow;
  }
  const up = updateWilder(s.up, pdm, !isAdd);
  const down = updateWilder(s.down, mdm, !isAdd);
  if (s.count === 1 || up === null || down === null || atr === null) return null;
  const pdi = atr === 0 ? 0 : up / atr;
  const mdi = atr === 0 ? 0 : down / atr;
  s.pdi = pdi * 100;
  s.mdi = mdi * 100;
  const sum = pdi + mdi;
  const dx = sum === 0 ? 0 : (Math.abs(pdi - mdi) / sum) * 100;
  return updateWilder(s.smoothed, dx, !isAdd);
}

export function updateAdx(s: AdxState, high: number, low: number, close: number, replace = false): AdxValue | null {
  const adx = stepAdx(s, high, low, close, replace);
  return adx === null ? null : { adx, pdi: s.pdi as number, mdi: s.mdi as number };
}

export interface AdxSeries {
  adx: Float64Array;
  pdi: Float64Array;
  mdi: Float64Array;
}

export function computeAdx(series: HlcSeries, period = 14, options: { skipFirstBar?: boolean } = {}): AdxSeries {
  const s = createAdx(period, options);
  const n = series.close.length;
  const out = { adx: nanArray(n), pdi: nanArray(n), mdi: nanArray(n) };
  for (let i = 0; i < n; i++) {
    const adx = stepAdx(s, series.high[i], series.low[i], series.close[i], false);
    // Reported together with the ADX, as the streaming form does.
    if (adx !== null) {
      out.adx[i] = adx;
      out.pdi[i] = s.pdi as number;
      out.mdi[i] = s.mdi as number;
    }
  }
  return out;
}
