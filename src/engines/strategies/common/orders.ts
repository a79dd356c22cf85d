import { Decimal, ZERO } from '../../../shared/money.ts';
import { checkOrderSize, roundPrice, roundQuantity, type PriceRounding } from '../../fills/rounding.ts';
import type { CloseReason, Intent, OrderSide, OrderType, PairRules } from '../../types.ts';

export type PlaceOrder = Extract<Intent, { kind: 'place_order' }>;

export interface OrderSpec {
  tag: string;
  side: OrderSide;
  type: OrderType;
  quantity: Decimal;
  price?: Decimal;
  positionTag: string;
  effect: PlaceOrder['effect'];
  closeReason?: CloseReason;
  stopLoss?: Decimal | null;
  takeProfit?: Decimal | null;
  reason: string;
}

/**
 * Forms an order at the pair's precision: quantity truncated, price rounded in the direction
 * that keeps the order on the intended side (buys down, sells up, unless told otherwise).
 * Returns null when an opening order would be under the venue's minimums (for a market order
 * the notional is checked at `referencePrice`), so engines never send an order they know will
 * be refused. Orders that reduce or close a position are exempt: closing dust must stay possible.
 */
export function formOrder(spec: OrderSpec & { referencePrice?: Decimal }, pair: PairRules, priceRounding?: PriceRounding): PlaceOrder | null {
  const { referencePrice, ...order } = spec;
  const quantity = roundQuantity(order.quantity, pair);
  const price = order.price ? roundPrice(order.price, pair, priceRounding ?? (order.side === 'buy' ? 'down' : 'up')) : undefined;
  if (quantity.lte(0)) return null;
  if (order.effect === 'open' || order.effect === 'increase') {
    const atPrice = price ?? referencePrice;
    if (checkOrderSize(quantity, atPrice ?? new Decimal(Infinity), pair) !== null) return null;
  }
  return { kind: 'place_order', ...order, quantity, price };
}

/** Base quantity that `quoteAmount` buys at `price`, truncated to the pair's precision. */
export function quantityForQuote(quoteAmount: Decimal, price: Decimal | number, pair: PairRules): Decimal {
  const p = typeof price === 'number' ? new Decimal(price) : price;
  if (p.lte(0)) return ZERO;
  return quoteAmount.div(p).toDecimalPlaces(pair.quantityPrecision, Decimal.ROUND_DOWN);
}

export function cancel(tag: string, reason: string): Intent {
  return { kind: 'cancel_order', tag, reason };
}
