import { ZERO, type Decimal } from '../../shared/money.ts';
import type { PairRules } from '../types.ts';
import type { FillUnits } from './settle-exact.ts';
import { checkOrderSize, decimalToNumber, floorDivide, roundQuantity } from './rounding.ts';
import type { FillRules, PaperOrder, PaperRejection } from './types.ts';

/** What a paper account holds before a fill. */
export interface Account {
  readonly pair: PairRules;
  readonly rules: FillRules;
  quote: Decimal;
  base: Decimal;
}

/** The money side of one fill: its quantity and fee, and the balances and position after it. */
export interface Settlement {
  quantity: Decimal;
  fee: Decimal;
  /** Null when the exact lane keeps the balance (as units, made into a Decimal when read). */
  quote: Decimal | null;
  base: Decimal | null;
  position: Decimal;
  quoteNum: number;
  baseNum: number;
  /** The same amounts in the exact lane, when it settled the fill. */
  units: FillUnits | null;
}

export type Refusal = Exclude<PaperRejection['reason'], 'duplicate_tag'>;

/**
 * Settles an order at a price: sizing (equityFraction), reduce-only clamping, the pair's
 * precision and limits, the fee and the balance check (docs/adr/0002-backtest-fill-rules.md).
 * This is the reference; the exact BigInt lane (settle-exact.ts) gives the very same values
 * about ten times faster, and the paper book uses this one only when a value does not fit it.
 */
export function settleDecimal(account: Account, order: PaperOrder, price: Decimal, rate: Decimal, position: Decimal): Settlement | Refusal {
  const pair = account.pair;
  const reducing = order.effect === 'reduce' || order.effect === 'close';
  let quantity = order.equityFraction ? sizeFromEquity(account, order.equityFraction, price, rate) : order.quantity;
  let closesAll = false;
  if (reducing) {
    const closable = order.side === 'sell' ? position.gt(0) : position.lt(0);
    if (!closable) return 'no_open_position';
    const open = position.abs();
    quantity = order.effect === 'close' || quantity.gte(open) ? open : quantity;
    closesAll = quantity.eq(open);
  }
  quantity = roundQuantity(quantity, pair);
  if (!closesAll) {
    const problem = checkOrderSize(quantity, price, pair);
    if (problem) return problem;
  }
  const notional = quantity.mul(price);
  const fee = rate.isZero() ? ZERO : notional.mul(rate);
  if (!account.rules.allowShort) {
    const affordable = order.side === 'buy' ? account.quote.gte(notional.add(fee)) : account.base.gte(quantity);
    if (!affordable) return 'insufficient_balance';
  }
  const cash = fee.isZero() ? notional : order.side === 'buy' ? notional.add(fee) : notional.sub(fee);
  const buy = order.side === 'buy';
  const quote = buy ? account.quote.sub(cash) : account.quote.add(cash);
  const base = buy ? account.base.add(quantity) : account.base.sub(quantity);
  return {
    quantity, fee, quote, base, position: buy ? position.add(quantity) : position.sub(quantity),
    quoteNum: decimalToNumber(quote), baseNum: decimalToNumber(base), units: null,
  };
}

/** Free equity at the fill price × fraction, including the fee, in base units. */
function sizeFromEquity(account: Account, fraction: Decimal, price: Decimal, rate: Decimal): Decimal {
  // Spot: the free quote. Margin: equity minus the margin the open position uses (leverage 1).
  const available = account.base.gte(0) ? account.quote : account.quote.add(account.base.mul(price).mul(2));
  if (available.lte(0)) return ZERO;
  const unitCost = rate.isZero() ? price : price.mul(rate.add(1));
  return floorDivide(available.mul(fraction), unitCost, account.pair.quantityPrecision);
}
