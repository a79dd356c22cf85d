import type { Candle, CandleSeries, Timeframe } from '../types.ts';

export const TIMEFRAME_MS: Record<Timeframe, number> = {
  '1m': 60_000, '3m': 180_000, '5m': 300_000, '15m': 900_000, '30m': 1_800_000, '1h': 3_600_000,
  '2h': 7_200_000, '4h': 14_400_000, '6h': 21_600_000, '12h': 43_200_000, '1d': 86_400_000, '1w': 604_800_000,
};

export function isCandleSeries(candles: Candle[] | CandleSeries): candles is CandleSeries {
  return !Array.isArray(candles);
}

export function seriesToCandles(s: CandleSeries): Candle[] {
  const out = new Array<Candle>(s.close.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = { time: s.time[i], open: s.open[i], high: s.high[i], low: s.low[i], close: s.close[i], volume: s.volume[i] };
  }
  return out;
}

export function candlesToSeries(candles: readonly Candle[]): CandleSeries {
  const n = candles.length;
  const s: CandleSeries = {
    time: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n),
    low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const c = candles[i];
    s.time[i] = c.time; s.open[i] = c.open; s.high[i] = c.high; s.low[i] = c.low; s.close[i] = c.close; s.volume[i] = c.volume;
  }
  return s;
}
