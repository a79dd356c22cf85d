import { Decimal } from '../../shared/money.ts';
import type { PairRules } from '../types.ts';

/**
 * Rounding to the market's precision happens only when an order is formed or filled:
 * quantities are truncated (never spend or sell more than asked, as ccxt's amountToPrecision),
 * prices are rounded to the nearest tick unless a direction is given.
 */
export function roundQuantity(quantity: Decimal, pair: PairRules): Decimal {
  return quantity.toDecimalPlaces(pair.quantityPrecision, Decimal.ROUND_DOWN);
}

export type PriceRounding = 'nearest' | 'up' | 'down';

export function roundPrice(price: Decimal, pair: PairRules, mode: PriceRounding = 'nearest'): Decimal {
  const rounding = mode === 'up' ? Decimal.ROUND_UP : mode === 'down' ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP;
  return price.toDecimalPlaces(pair.pricePrecision, rounding);
}

/** A candle price (float64) as the Decimal it was written as: the shortest round-trip string, then the tick. */
export function priceFromNumber(value: number, pair: PairRules): Decimal {
  return roundPrice(new Decimal(value), pair);
}

/** Why an order of this size may not be placed, or null when it may. */
export function checkOrderSize(quantity: Decimal, price: Decimal, pair: PairRules): 'zero_quantity' | 'below_min_size' | 'below_min_notional' | 'above_max_size' | null {
  if (quantity.lte(0)) return 'zero_quantity';
  if (quantity.lt(pair.minOrderSize)) return 'below_min_size';
  if (pair.maxOrderSize && quantity.gt(pair.maxOrderSize)) return 'above_max_size';
  if (pair.minNotional && quantity.mul(price).lt(pair.minNotional)) return 'below_min_notional';
  return null;
}
