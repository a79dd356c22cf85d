import { nanArray } from './common.ts';

/**
 * Volume-weighted average price of the typical price (high + low + close) / 3, cumulative from
 * the first candle (trading-signals) or, with `sessionMs`, restarted at each session boundary
 * (e.g. 86_400_000 for a UTC-day anchored VWAP, jesse's default). Zero-volume candles carry no
 * weight and leave the value unchanged.
 */
export interface VwapState {
  sessionMs: number | null;
  session: number | null;
  cumulativePriceVolume: number;
  cumulativeVolume: number;
  lastPriceVolume: number;
  lastVolume: number;
  lastCounted: boolean;
  value: number | null;
}

export function createVwap({ sessionMs = null }: { sessionMs?: number | null } = {}): VwapState {
  return { sessionMs, session: null, cumulativePriceVolume: 0, cumulativeVolume: 0, lastPriceVolume: 0, lastVolume: 0, lastCounted: false, value: null };
}

export function updateVwap(s: VwapState, high: number, low: number, close: number, volume: number, time = 0, replace = false): number | null {
  if (replace && s.lastCounted) {
    s.cumulativePriceVolume = s.cumulativePriceVolume - s.lastPriceVolume;
    s.cumulativeVolume = s.cumulativeVolume - s.lastVolume;
  }
  s.lastCounted = false;
  if (!replace && s.sessionMs !== null) {
    const session = Math.floor(time / s.sessionMs);
    if (session !== s.session) {
      s.session = session;
      s.cumulativePriceVolume = 0;
      s.cumulativeVolume = 0;
      s.value = null;
    }
  }
  if (volume === 0) return s.value;
  const priceVolume = ((high + low + close) / 3) * volume;
  s.cumulativePriceVolume = s.cumulativePriceVolume + priceVolume;
  s.cumulativeVolume = s.cumulativeVolume + volume;
  s.lastPriceVolume = priceVolume;
  s.lastVolume = volume;
  s.lastCounted = true;
  s.value = s.cumulativePriceVolume / s.cumulativeVolume;
  return s.value;
}

export interface HlcvSeries {
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
  volume: ArrayLike<number>;
  time?: ArrayLike<number>;
}

export function computeVwap(series: HlcvSeries, options: { sessionMs?: number | null } = {}): Float64Array {
  const s = createVwap(options);
  const n = series.close.length;
  const out = nanArray(n);
  for (let i = 0; i < n; i++) {
    const v = updateVwap(s, series.high[i], series.low[i], series.close[i], series.volume[i], series.time ? series.time[i] : 0);
    if (v !== null) out[i] = v;
  }
  return out;
}
