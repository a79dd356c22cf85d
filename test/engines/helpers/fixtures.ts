/** Loads the real-candle fixtures of test/fixtures (sources and licences in its README). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Candle, CandleSeries } from '../../../src/engines/types.ts';

const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function readFixture(path: string): string {
  return readFileSync(root + path, 'utf8');
}

export function readJsonFixture<T = any>(path: string): T {
  return JSON.parse(readFixture(path)) as T;
}

/** `[ts, open, high, low, close, volume]` rows (freqtrade, trading-signals, jesse files). */
export function loadArrayCandles(path: string): Candle[] {
  const rows = readJsonFixture<number[][]>(path);
  return rows.map(([time, open, high, low, close, volume]) => ({ time, open: +open, high: +high, low: +low, close: +close, volume: +volume }));
}

/** Date,Open,High,Low,Close,Volume[,…] CSV with a header (GOOG.csv, backtrader's 2006-day-001.txt). */
export function loadCsvCandles(path: string): Candle[] {
  const lines = readFixture(path).trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [date, open, high, low, close, volume] = line.split(',');
    return { time: Date.parse(`${date}T00:00:00Z`), open: +open, high: +high, low: +low, close: +close, volume: +volume };
  });
}

export function toSeries(candles: Candle[]): CandleSeries {
  const n = candles.length;
  const s: CandleSeries = {
    time: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n),
    low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
  candles.forEach((c, i) => {
    s.time[i] = c.time; s.open[i] = c.open; s.high[i] = c.high; s.low[i] = c.low; s.close[i] = c.close; s.volume[i] = c.volume;
  });
  return s;
}

/** The real-candle sets every indicator is checked on: 1m crypto with gaps, zero-volume 1m, daily stock. */
export function realCandleSets(): Record<string, Candle[]> {
  return {
    'LTC/USDT 1m': loadArrayCandles('ohlcv/trading-signals_LTC_USDT-1m.json'),
    'UNITTEST/BTC 1m (gaps)': loadArrayCandles('ohlcv/freqtrade_UNITTEST_BTC-1m.json'),
    'XRP/ETH 1m (zero volume)': loadArrayCandles('ohlcv/freqtrade_XRP_ETH-1m.json'),
    'GOOG 1d': loadCsvCandles('ohlcv/GOOG.csv'),
  };
}
