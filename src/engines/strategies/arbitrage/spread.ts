import { Decimal, ZERO } from '../../../shared/money.ts';
import type { BookLevel, PairRules } from '../../types.ts';

export interface SpreadInput {
  asks: readonly BookLevel[]; // of the venue we buy on, best first
  bids: readonly BookLevel[]; // of the venue we sell on, best first
  buyFeeRate: number;
  sellFeeRate: number;
  minProfitPercent: number;
  maxQuote: number;
  freeQuote: number;
  freeBase: number;
  pair: PairRules;
}

export interface Opportunity {
  quantity: Decimal;
  buyPrice: Decimal; // worst ask taken: the buy leg's limit
  sellPrice: Decimal; // worst bid taken: the sell leg's limit
  cost: Decimal; // quote paid including the buy fee
  proceeds: Decimal; // quote received after the sell fee
  expectedProfit: Decimal;
}

/**
 * Buys on one venue's asks and sells on the other's bids while each extra unit still earns at
 * least minProfitPercent after both taker fees, within the quote cap and the free balances
 * (quote for the buy leg, base inventory for the sell leg). The quantity is then truncated to
 * the pair's precision and the profit recomputed exactly, level by level, in Decimal. Null when
 * nothing clears the fees or the venue's minimum size.
 */
export function findOpportunity(x: SpreadInput): Opportunity | null {
  let qty = 0;
  let spent = 0;
  let i = 0;
  let j = 0;
  let askLeft = x.asks[0]?.amount ?? 0;
  let bidLeft = x.bids[0]?.amount ?? 0;
  const budget = Math.min(x.maxQuote, x.freeQuote);
  while (i < x.asks.length && j < x.bids.length) {
    const buyCost = x.asks[i].price * (1 + x.buyFeeRate);
    const sellGain = x.bids[j].price * (1 - x.sellFeeRate);
    if (((sellGain - buyCost) / buyCost) * 100 < x.minProfitPercent) break;
    const take = Math.min(askLeft, bidLeft, (budget - spent) / buyCost, x.freeBase - qty);
    if (!(take > 0)) break;
    qty += take;
    spent += take * buyCost;
    askLeft -= take;
    bidLeft -= take;
    if (askLeft <= 0 && ++i < x.asks.length) askLeft = x.asks[i].amount;
    if (bidLeft <= 0 && ++j < x.bids.length) bidLeft = x.bids[j].amount;
  }
  // Nothing taken (most candles): no Decimal to make, the answer is already null.
  if (!(qty > 0)) return null;
  const quantity = new Decimal(qty).toDecimalPlaces(x.pair.quantityPrecision, Decimal.ROUND_DOWN);
  if (quantity.lte(0) || quantity.lt(x.pair.minOrderSize)) return null;
  const buy = walk(x.asks, quantity, new Decimal(x.buyFeeRate).add(1));
  const sell = walk(x.bids, quantity, new Decimal(1).sub(x.sellFeeRate));
  if (x.pair.minNotional && quantity.mul(buy.worst).lt(x.pair.minNotional)) return null;
  const expectedProfit = sell.total.sub(buy.total);
  if (expectedProfit.lte(0)) return null;
  return { quantity, buyPrice: buy.worst, sellPrice: sell.worst, cost: buy.total, proceeds: sell.total, expectedProfit };
}

/** Takes `quantity` from the levels in order: the quote total (times the fee factor) and the worst price reached. */
function walk(levels: readonly BookLevel[], quantity: Decimal, feeFactor: Decimal): { total: Decimal; worst: Decimal } {
  let left = quantity;
  let total = ZERO;
  let worst = ZERO;
  for (const level of levels) {
    if (left.lte(0)) break;
    const amount = new Decimal(level.amount);
    const take = Decimal.min(left, amount);
    worst = new Decimal(level.price);
    total = total.add(take.mul(worst));
    left = left.sub(take);
  }
  return { total: total.mul(feeFactor), worst };
}
