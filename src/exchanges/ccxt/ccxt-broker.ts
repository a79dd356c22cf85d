/**
 * A live venue through ccxt. Every order carries our deterministic client order id (binance
 * newClientOrderId, okx clOrdId ≤ 32 chars, bybit orderLinkId), so the runner can look an
 * order up after a timeout or a crash before it would ever send it again.
 */
import type { Exchange, Order } from 'ccxt';
import { Decimal, ZERO } from '../../shared/money.ts';
import { type Balance, type Broker, type OrderRequest, type VenueOrder, type VenueOrderStatus } from '../types.ts';
import { ccxtErrorNames, translateCcxtError } from './translate-error.ts';

export class CcxtBroker implements Broker {
  readonly kind = 'live' as const;
  readonly venue: string;
  constructor(private readonly exchange: Exchange) {
    this.venue = exchange.id;
  }

  async fetchBalances(): Promise<Record<string, Balance>> {
    return this.call(async () => {
      const b = await this.exchange.fetchBalance();
      const out: Record<string, Balance> = {};
      for (const [asset, total] of Object.entries((b.total ?? {}) as unknown as Record<string, number>)) {
        out[asset] = { total: new Decimal(String(total ?? 0)), free: new Decimal(String(((b.free ?? {}) as unknown as Record<string, number>)[asset] ?? 0)) };
      }
      return out;
    });
  }

  async createOrder(request: OrderRequest): Promise<VenueOrder> {
    const existing = await this.fetchOrderByClientId(request.clientOrderId, request.symbol);
    if (existing) return existing; // sent before (a retry after a timeout): never twice
    return this.call(async () => {
      const type = request.type === 'market' ? 'market' : 'limit';
      const amount = Number(this.exchange.amountToPrecision(request.symbol, request.quantity.toNumber()));
      const price = request.price ? Number(this.exchange.priceToPrecision(request.symbol, request.price.toNumber())) : undefined;
      const params: Record<string, unknown> = { clientOrderId: request.clientOrderId };
      if (request.type === 'stop_loss' || request.type === 'take_profit') params.triggerPrice = price;
      const order = await this.exchange.createOrder(request.symbol, type, request.side, amount, price, params);
      return toVenueOrder(order, request.clientOrderId, request.symbol, request.side);
    });
  }

  async cancelOrder(clientOrderId: string, symbol: string): Promise<VenueOrder | null> {
    const order = await this.fetchOrderByClientId(clientOrderId, symbol);
    if (!order || order.status === 'filled' || order.status === 'cancelled') return order;
    return this.call(async () => {
      await this.exchange.cancelOrder(order.exchangeOrderId ?? '', symbol, { clientOrderId });
      return (await this.fetchOrderByClientId(clientOrderId, symbol)) ?? { ...order, status: 'cancelled' };
    });
  }

  async fetchOrderByClientId(clientOrderId: string, symbol: string): Promise<VenueOrder | null> {
    try {
      if (this.venue === 'bybit') return await this.fetchBybitByLinkId(clientOrderId, symbol);
      const order = await this.exchange.fetchOrder(undefined as unknown as string, symbol, { clientOrderId });
      return toVenueOrder(order, clientOrderId, symbol);
    } catch (error) {
      if (ccxtErrorNames(error).has('OrderNotFound')) return null;
      throw translateCcxtError(error, this.venue, this.secrets());
    }
  }

  async fetchOpenOrders(symbol?: string): Promise<VenueOrder[]> {
    return this.call(async () => {
      const orders = await this.exchange.fetchOpenOrders(symbol);
      return orders.map((o) => toVenueOrder(o, o.clientOrderId ?? '', o.symbol ?? symbol ?? ''));
    });
  }

  /** Bybit's unified fetchOrder needs account-mode lookups; query by orderLinkId directly. */
  private async fetchBybitByLinkId(clientOrderId: string, symbol: string): Promise<VenueOrder | null> {
    const market = this.exchange.market(symbol);
    const api = this.exchange as unknown as Record<string, (p: Record<string, unknown>) => Promise<{ result?: { list?: unknown[] } }>>;
    const request = { category: 'spot', symbol: market.id, orderLinkId: clientOrderId };
    for (const method of ['privateGetV5OrderRealtime', 'privateGetV5OrderHistory']) {
      const response = await api[method](request);
      const raw = response.result?.list?.[0];
      if (raw) return toVenueOrder(this.exchange.parseOrder(raw as Record<string, unknown>, market), clientOrderId, symbol);
    }
    return null;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw translateCcxtError(error, this.venue, this.secrets());
    }
  }

  private secrets(): (string | undefined)[] {
    return [this.exchange.apiKey, this.exchange.secret, this.exchange.password];
  }
}

const STATUS: Record<string, VenueOrderStatus> = { open: 'open', closed: 'filled', canceled: 'cancelled', cancelled: 'cancelled', expired: 'cancelled', rejected: 'rejected' };

function toVenueOrder(order: Order, clientOrderId: string, symbol: string, side?: 'buy' | 'sell'): VenueOrder {
  const filled = new Decimal(String(order.filled ?? 0));
  const amount = new Decimal(String(order.amount ?? 0));
  let status = STATUS[order.status ?? 'open'] ?? 'open';
  if (status === 'open' && filled.gt(0) && filled.lt(amount)) status = 'partially_filled';
  const fee = order.fee?.cost !== undefined ? new Decimal(String(order.fee.cost)) : ZERO;
  return {
    clientOrderId: order.clientOrderId ?? clientOrderId,
    exchangeOrderId: order.id ?? null,
    symbol,
    side: (order.side as 'buy' | 'sell') ?? side ?? 'buy',
    status,
    quantity: amount,
    filled,
    averagePrice: order.average !== undefined && order.average !== null ? new Decimal(String(order.average)) : order.price && filled.gt(0) ? new Decimal(String(order.price)) : null,
    fee,
    feeCurrency: order.fee?.currency ?? '',
    fills: filled.gt(0)
      ? [{ tradeId: `${order.id ?? clientOrderId}-agg`, price: new Decimal(String(order.average ?? order.price ?? 0)), quantity: filled, fee, feeCurrency: order.fee?.currency ?? '', time: order.lastTradeTimestamp ?? order.timestamp ?? 0 }]
      : [],
  };
}
