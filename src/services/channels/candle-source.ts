/**
 * Where the price follower, the strategy and the outcome evaluator read candles: a small
 * interface any market data source can satisfy. The default adapts env.market (the lead's
 * MarketDataProvider: ccxt live, or the bundled real candles replayed offline).
 */
import type { Candle } from '../../engines/types.ts';
import { timeframeToMs } from '../../exchanges/replay/replay-data.ts';
import type { ServiceEnv } from '../core/context.ts';

export interface CandleSource {
  /** Closed candles of [sinceMs, untilMs), oldest first. */
  fetchClosedCandles(venue: string, symbol: string, timeframe: string, sinceMs: number, untilMs: number): Promise<Candle[]>;
}

const PAGE = 1000;
const MAX_PAGES = 10;

export function candleSourceFor(env: Pick<ServiceEnv, 'market'>): CandleSource | null {
  const market = env.market;
  if (!market) return null;
  return {
    async fetchClosedCandles(venue, symbol, timeframe, sinceMs, untilMs) {
      const feed = market.forVenue(venue);
      const tfMs = timeframeToMs(timeframe);
      const out: Candle[] = [];
      let since = sinceMs;
      for (let page = 0; page < MAX_PAGES && since < untilMs; page += 1) {
        const batch = await feed.fetchOHLCV(symbol, timeframe, { since, limit: PAGE });
        const closed = batch.filter((c) => c.time >= since && c.time + tfMs <= untilMs);
        out.push(...closed);
        if (batch.length < PAGE || closed.length === 0) break;
        since = closed[closed.length - 1].time + tfMs;
      }
      return out;
    },
  };
}

/** The bar that contains a time (its open time). */
export function barOpen(timeMs: number, timeframe: string): number {
  const tf = timeframeToMs(timeframe);
  return Math.floor(timeMs / tf) * tf;
}
