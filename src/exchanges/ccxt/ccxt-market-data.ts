/** Public market data through ccxt (no keys needed). */
import type { Exchange } from 'ccxt';
import type { Candle, OrderBook } from '../../engines/types.ts';
import type { MarketData, Ticker } from '../types.ts';
import { translateCcxtError } from './translate-error.ts';

export class CcxtMarketData implements MarketData {
  readonly name: string;
  private exchange!: Exchange;
  constructor(private readonly load: Exchange | (() => Promise<Exchange>), name?: string) {
    this.name = typeof load === 'function' ? (name ?? 'exchange') : load.id;
    if (typeof load !== 'function') this.exchange = load;
  }

  async symbols(): Promise<string[]> {
    return this.call(async () => Object.keys(await this.exchange.loadMarkets()));
  }

  async fetchTicker(symbol: string): Promise<Ticker> {
    return this.call(async () => {
      const t = await this.exchange.fetchTicker(symbol);
      return { symbol, last: Number(t.last ?? t.close), bid: t.bid ?? null, ask: t.ask ?? null, time: t.timestamp ?? Date.now() };
    });
  }

  async fetchOHLCV(symbol: string, timeframe: string, options: { since?: number; limit?: number } = {}): Promise<Candle[]> {
    return this.call(async () => {
      const rows = await this.exchange.fetchOHLCV(symbol, timeframe, options.since, options.limit);
      return rows.map(([time, open, high, low, close, volume]) => ({ time: Number(time), open: Number(open), high: Number(high), low: Number(low), close: Number(close), volume: Number(volume) }));
    });
  }

  async fetchOrderBook(symbol: string, depth = 10): Promise<OrderBook> {
    return this.call(async () => {
      const book = await this.exchange.fetchOrderBook(symbol, depth);
      const level = ([price, amount]: (number | undefined)[]) => ({ price: Number(price), amount: Number(amount) });
      return { venue: this.name, symbol, bids: book.bids.map(level), asks: book.asks.map(level), time: book.timestamp ?? Date.now() };
    });
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      if (!this.exchange && typeof this.load === 'function') this.exchange = await this.load();
      return await fn();
    } catch (error) {
      throw translateCcxtError(error, this.name);
    }
  }
}
