/**
 * The outside market, behind two interfaces: MarketData (public prices) and Broker (a venue
 * that takes our orders). Implementations: ccxt (live binance/okx/bybit), paper (fills from the
 * engines' simulator against live or replayed prices), replay (bundled real candles).
 */
import type { Candle, OrderBook, OrderSide, OrderType } from '../engines/types.ts';
import type { Decimal } from '../shared/money.ts';

export interface Ticker {
  symbol: string;
  last: number;
  bid: number | null;
  ask: number | null;
  time: number;
}

export interface MarketData {
  /** 'replay' or the exchange name. */
  readonly name: string;
  fetchTicker(symbol: string): Promise<Ticker>;
  /** Closed and forming candles, oldest first. */
  fetchOHLCV(symbol: string, timeframe: string, options?: { since?: number; limit?: number }): Promise<Candle[]>;
  fetchOrderBook(symbol: string, depth?: number): Promise<OrderBook>;
  /** Symbols this source can serve ('BTC/USDT'). */
  symbols(): Promise<string[]>;
}

export interface OrderRequest {
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity: Decimal;
  price?: Decimal | null;
}

export interface VenueFill {
  tradeId: string;
  price: Decimal;
  quantity: Decimal;
  fee: Decimal;
  feeCurrency: string;
  time: number;
}

export type VenueOrderStatus = 'open' | 'partially_filled' | 'filled' | 'cancelled' | 'rejected';

export interface VenueOrder {
  clientOrderId: string;
  exchangeOrderId: string | null;
  symbol: string;
  side: OrderSide;
  status: VenueOrderStatus;
  quantity: Decimal;
  filled: Decimal;
  averagePrice: Decimal | null;
  fee: Decimal;
  feeCurrency: string;
  fills: VenueFill[];
  reason?: string;
}

export interface Balance {
  free: Decimal;
  total: Decimal;
}

export interface Broker {
  readonly kind: 'paper' | 'live';
  readonly venue: string;
  fetchBalances(): Promise<Record<string, Balance>>;
  /** Idempotent per clientOrderId: a second call returns the order the first one created. */
  createOrder(request: OrderRequest): Promise<VenueOrder>;
  cancelOrder(clientOrderId: string, symbol: string): Promise<VenueOrder | null>;
  /** Null when the venue has never seen this client order id. */
  fetchOrderByClientId(clientOrderId: string, symbol: string): Promise<VenueOrder | null>;
  fetchOpenOrders(symbol?: string): Promise<VenueOrder[]>;
}

/** Failures of the outside world, translated: retry later, or give up with a reason. */
export class ExchangeError extends Error {
  readonly retryable: boolean;
  readonly kind: 'network' | 'rate_limit' | 'auth' | 'permission' | 'insufficient_funds' | 'invalid_order' | 'bad_symbol' | 'unavailable' | 'unknown';
  constructor(kind: ExchangeError['kind'], message: string, retryable: boolean) {
    super(message);
    this.name = 'ExchangeError';
    this.kind = kind;
    this.retryable = retryable;
  }
}
