/**
 * Historical candles for backtests. With live market data: OHLCV from the exchange through ccxt,
 * page by page, cached in historical_datasets (one row per symbol, timeframe and range), so a
 * second backtest over the same range makes no request. Offline (replay): the bundled real
 * candles, resampled to the timeframe, the most recent `days` of them — the report says so.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import { historicalDatasets } from '../../db/schema/index.ts';
import type { Candle } from '../../engines/types.ts';
import { loadReplaySeries, timeframeToMs } from '../../exchanges/replay/replay-data.ts';
import type { ServiceEnv } from '../core/context.ts';
import { preconditionFailed } from '../core/errors.ts';

export interface History {
  candles: Candle[];
  source: 'exchange' | 'cache' | 'replay';
  from: Date;
  to: Date;
}

const PAGE = 1000;
const MAX_CANDLES = 250_000;

export async function loadHistory(env: ServiceEnv, q: { exchange: string; symbol: string; timeframe: string; days: number }): Promise<History> {
  const stepMs = timeframeToMs(q.timeframe);
  const wanted = Math.min(MAX_CANDLES, Math.ceil((q.days * 86_400_000) / stepMs));
  if (!env.market || env.market.mode === 'replay') return replayHistory(q.symbol, q.timeframe, wanted);

  // aligned range, so the cache key is stable within a candle
  const end = Math.floor(env.clock.now().getTime() / stepMs) * stepMs;
  const start = end - wanted * stepMs;
  const [cached] = await env.db
    .select()
    .from(historicalDatasets)
    .where(and(eq(historicalDatasets.symbol, `${q.exchange}:${q.symbol}`), eq(historicalDatasets.timeframe, q.timeframe), lte(historicalDatasets.startDate, new Date(start)), gte(historicalDatasets.endDate, new Date(end))))
    .limit(1);
  if (cached) {
    const candles = (cached.candles as number[][]).map(toCandle).filter((c) => c.time >= start && c.time < end);
    return { candles, source: 'cache', from: new Date(start), to: new Date(end) };
  }
  const feed = env.market.forVenue(q.exchange);
  const candles: Candle[] = [];
  for (let since = start; since < end; ) {
    const page = await feed.fetchOHLCV(q.symbol, q.timeframe, { since, limit: PAGE });
    const fresh = page.filter((c) => c.time >= since && c.time < end);
    if (fresh.length === 0) break;
    candles.push(...fresh);
    since = fresh[fresh.length - 1].time + stepMs;
  }
  if (candles.length === 0) throw preconditionFailed(`${q.exchange} returned no ${q.timeframe} candles for ${q.symbol}.`);
  await env.db
    .insert(historicalDatasets)
    .values({ symbol: `${q.exchange}:${q.symbol}`, timeframe: q.timeframe, startDate: new Date(start), endDate: new Date(end), candleCount: candles.length, candles: candles.map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume]) })
    .onConflictDoNothing();
  return { candles, source: 'exchange', from: new Date(start), to: new Date(end) };
}

function replayHistory(symbol: string, timeframe: string, wanted: number): History {
  const all = [...loadReplaySeries().values()].filter((s) => s.symbol === symbol);
  if (all.length === 0) throw preconditionFailed(`There is no bundled history for ${symbol} to replay offline. Replayed pairs: ${[...new Set([...loadReplaySeries().values()].map((s) => s.symbol))].join(', ')}.`);
  const tf = timeframeToMs(timeframe);
  const fitting = all.filter((s) => s.timeframeMs <= tf && tf % s.timeframeMs === 0);
  const series = (fitting.length ? fitting : all).reduce((a, b) => (a.candles.length >= b.candles.length ? a : b));
  const group = Math.max(1, Math.round(tf / series.timeframeMs));
  const out: Candle[] = [];
  for (let i = 0; i + group <= series.candles.length; i += group) {
    const part = series.candles.slice(i, i + group);
    out.push({ time: part[0].time, open: part[0].open, high: Math.max(...part.map((c) => c.high)), low: Math.min(...part.map((c) => c.low)), close: part[part.length - 1].close, volume: part.reduce((s, c) => s + c.volume, 0) });
  }
  const candles = out.slice(-wanted);
  return { candles, source: 'replay', from: new Date(candles[0].time), to: new Date(candles[candles.length - 1].time + tf) };
}

function toCandle([time, open, high, low, close, volume]: number[]): Candle {
  return { time, open, high, low, close, volume };
}
