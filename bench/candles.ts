/**
 * 1,000,000 one-minute candles built deterministically from real candles (the LTC/USDT 1m
 * fixture, MIT, from trading-signals): the real series is tiled end to end, every other tile
 * played backwards (mirrored in time), so the price path keeps its real minute-to-minute
 * shape without compounding drift. Times are consecutive minutes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CandleSeries } from '../src/engines/types.ts';

const FIXTURE = fileURLToPath(new URL('../test/fixtures/ohlcv/trading-signals_LTC_USDT-1m.json', import.meta.url));

export function buildBenchCandles(count: number): CandleSeries {
  const rows = JSON.parse(readFileSync(FIXTURE, 'utf8')) as number[][];
  const m = rows.length;
  const s: CandleSeries = {
    time: new Float64Array(count), open: new Float64Array(count), high: new Float64Array(count),
    low: new Float64Array(count), close: new Float64Array(count), volume: new Float64Array(count),
  };
  const start = rows[0][0];
  for (let i = 0; i < count; i++) {
    const tile = Math.floor(i / m);
    const j = i % m;
    const backwards = tile % 2 === 1;
    const [, open, high, low, close, volume] = rows[backwards ? m - 1 - j : j];
    s.time[i] = start + i * 60_000;
    // Played backwards, a candle opens where it used to close.
    s.open[i] = backwards ? close : open;
    s.close[i] = backwards ? open : close;
    s.high[i] = high;
    s.low[i] = low;
    s.volume[i] = volume;
  }
  return s;
}
