/** A MarketDataProvider over the bundled real candles (data/candles), for the price follower and strategies. */
import type { Candle } from '../../src/engines/types.ts';
import { loadReplaySeries } from '../../src/exchanges/replay/replay-data.ts';
import type { MarketData } from '../../src/exchanges/types.ts';
import type { MarketDataProvider } from '../../src/services/market/market-data-provider.ts';

export function bundledCandles(symbol: string, timeframe: string): Candle[] {
  const series = loadReplaySeries().get(`${symbol}@${timeframe}`);
  if (!series) throw new Error(`no bundled candles for ${symbol}@${timeframe}`);
  return series.candles;
}

/** Serves the given candles per symbol (any timeframe asked gets the same series). */
export function fakeMarket(seriesBySymbol: Record<string, Candle[]>): MarketDataProvider & { calls: number } {
  const provider = {
    mode: 'replay' as const,
    calls: 0,
    forVenue(venue: string): MarketData {
      return {
        name: venue,
        async fetchOHLCV(symbol, _timeframe, options = {}) {
          provider.calls += 1;
          const all = seriesBySymbol[symbol] ?? [];
          return all.filter((c) => c.time >= (options.since ?? 0)).slice(0, options.limit ?? 500);
        },
        async fetchTicker() {
          throw new Error('not used');
        },
        async fetchOrderBook() {
          throw new Error('not used');
        },
        async symbols() {
          return Object.keys(seriesBySymbol);
        },
      };
    },
  };
  return provider;
}
