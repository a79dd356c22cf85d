/**
 * Where public prices come from. MARKET_DATA=ccxt uses the exchanges; replay plays the bundled
 * real candles; auto (the default) tries the default exchange once at start and, when it
 * cannot be reached, says so once and falls back to replay — so `npm start` shows running bots
 * offline.
 */
import type { Config } from '../../config.ts';
import { CcxtMarketData } from '../../exchanges/ccxt/ccxt-market-data.ts';
import { createExchange, SUPPORTED_VENUES, type CreateExchangeOptions, type Venue } from '../../exchanges/ccxt/create-exchange.ts';
import { ReplayMarketData } from '../../exchanges/replay/replay-market-data.ts';
import type { MarketData } from '../../exchanges/types.ts';
import type { Logger } from '../../logger.ts';
import type { Clock } from '../../shared/clock.ts';

export interface MarketDataProvider {
  readonly mode: 'ccxt' | 'replay';
  forVenue(venue: string): MarketData;
}

export interface ProviderOptions {
  config: Pick<Config, 'MARKET_DATA' | 'DEFAULT_EXCHANGE' | 'REPLAY_SPEED'>;
  clock: Clock;
  logger: Logger;
  transport?: { fetchImplementation?: CreateExchangeOptions['fetchImplementation']; markets?: Record<string, Record<string, unknown>> };
  probeTimeoutMs?: number;
}

export function replayProvider(clock: Clock, speed: number): MarketDataProvider {
  const feeds = new Map<string, MarketData>();
  return {
    mode: 'replay',
    forVenue(venue) {
      let feed = feeds.get(venue);
      if (!feed) feeds.set(venue, (feed = new ReplayMarketData({ clock, speed, venue })));
      return feed;
    },
  };
}

export function ccxtProvider(options: ProviderOptions): MarketDataProvider {
  const feeds = new Map<string, MarketData>();
  return {
    mode: 'ccxt',
    forVenue(venue) {
      if (!(SUPPORTED_VENUES as readonly string[]).includes(venue)) throw new Error(`unsupported venue ${venue}`);
      let feed = feeds.get(venue);
      if (!feed) {
        const load = () => createExchange({ venue: venue as Venue, fetchImplementation: options.transport?.fetchImplementation, markets: options.transport?.markets?.[venue] });
        feeds.set(venue, (feed = new CcxtMarketData(load, venue)));
      }
      return feed;
    },
  };
}

export async function createMarketDataProvider(options: ProviderOptions): Promise<MarketDataProvider> {
  const { config, logger } = options;
  if (config.MARKET_DATA === 'replay') return replayProvider(options.clock, config.REPLAY_SPEED);
  const live = ccxtProvider(options);
  if (config.MARKET_DATA === 'ccxt') return live;
  try {
    const probe = live.forVenue(config.DEFAULT_EXCHANGE);
    await withTimeout(probe.fetchTicker('BTC/USDT'), options.probeTimeoutMs ?? 5000);
    logger.info({ exchange: config.DEFAULT_EXCHANGE }, 'market data: live prices from the exchange');
    return live;
  } catch (error) {
    logger.warn(
      { exchange: config.DEFAULT_EXCHANGE, reason: error instanceof Error ? error.message.slice(0, 160) : String(error) },
      `market data: ${config.DEFAULT_EXCHANGE} cannot be reached, replaying bundled real candles instead (set MARKET_DATA=ccxt to insist)`,
    );
    return replayProvider(options.clock, config.REPLAY_SPEED);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
