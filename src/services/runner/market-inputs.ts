/**
 * Market inputs for a batch of ticks, fetched once per (venue, symbol, timeframe) and shared by
 * every bot on it: closed candles, the current price, the pair's precision and the venue's fees.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { exchanges, tradingPairs } from '../../db/schema/index.ts';
import type { Candle, Fees, PairRules } from '../../engines/types.ts';
import { Decimal } from '../../shared/money.ts';
import type { MarketDataProvider } from '../market/market-data-provider.ts';

export interface PairInfo extends PairRules {
  id: string;
  exchangeId: string;
}

export interface MarketSlice {
  candles: Candle[]; // closed only, oldest first
  price: number;
  pair: PairInfo;
  fees: Fees;
}

const pairCache = new Map<string, { pair: PairInfo; fees: Fees; at: number }>();
const PAIR_TTL_MS = 5 * 60_000;

export async function loadPair(db: DbOrTx, venue: string, symbol: string, now: number): Promise<{ pair: PairInfo; fees: Fees }> {
  const key = `${venue}:${symbol}`;
  const hit = pairCache.get(key);
  if (hit && now - hit.at < PAIR_TTL_MS) return hit;
  const [base, quote] = symbol.split('/');
  const [row] = await db
    .select({ p: tradingPairs, fees: exchanges.fees })
    .from(tradingPairs)
    .innerJoin(exchanges, eq(exchanges.id, tradingPairs.exchangeId))
    .where(and(eq(exchanges.name, venue), eq(tradingPairs.symbol, `${base}${quote}`)));
  if (!row) throw new Error(`${venue} has no ${symbol} market`);
  const f = (row.fees ?? {}) as { maker?: string; taker?: string };
  const entry = {
    pair: {
      id: row.p.id, exchangeId: row.p.exchangeId, symbol, base, quote, pricePrecision: row.p.pricePrecision, quantityPrecision: row.p.quantityPrecision,
      minOrderSize: row.p.minOrderSize, maxOrderSize: row.p.maxOrderSize,
    },
    fees: { makerRate: new Decimal(f.maker ?? '0.001'), takerRate: new Decimal(f.taker ?? '0.001') },
    at: now,
  };
  pairCache.set(key, entry);
  return entry;
}

export async function loadMarketSlice(db: DbOrTx, market: MarketDataProvider, venue: string, symbol: string, timeframe: string, limit: number, now: number): Promise<MarketSlice> {
  const { pair, fees } = await loadPair(db, venue, symbol, now);
  const feed = market.forVenue(venue);
  const rows = await feed.fetchOHLCV(symbol, timeframe, { limit: limit + 1 });
  const forming = rows[rows.length - 1];
  const candles = rows.slice(0, -1);
  const price = forming ? forming.close : candles[candles.length - 1]?.close;
  if (price === undefined || !Number.isFinite(price)) throw new Error(`no price for ${symbol} on ${venue}`);
  return { candles, price, pair, fees };
}

/** Order books of one symbol on several venues (arbitrage). */
export async function loadBooks(market: MarketDataProvider, venues: string[], symbol: string): Promise<Record<string, import('../../engines/types.ts').OrderBook>> {
  const books = await Promise.all(venues.map((v) => market.forVenue(v).fetchOrderBook(symbol, 10)));
  return Object.fromEntries(venues.map((v, i) => [v, books[i]]));
}

/** Recent closed candles of the other pairs a venue offers (the pump screener's universe). */
export async function loadUniverse(market: MarketDataProvider, venue: string, timeframe: string, limit: number, max = 12): Promise<Record<string, Candle[]>> {
  const feed = market.forVenue(venue);
  const symbols = (await feed.symbols()).filter((s) => /\/(USDT|BTC)$/.test(s)).slice(0, max);
  const out: Record<string, Candle[]> = {};
  for (const symbol of symbols) {
    try {
      out[symbol] = (await feed.fetchOHLCV(symbol, timeframe, { limit: limit + 1 })).slice(0, -1);
    } catch {
      // a pair without data is simply not watched
    }
  }
  return out;
}
