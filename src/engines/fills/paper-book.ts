import { Decimal, ZERO } from '../../shared/money.ts';
import type { Candle, Fees, Intent, PairRules } from '../types.ts';
import { checkOrderSize, decimalToNumber, roundPrice, roundQuantity } from './rounding.ts';
import { BookFill } from './fill.ts';
import { lanes } from './fixed-point.ts';
import { OpenPrices } from './open-prices.ts';
import { settleDecimal } from './settle.ts';
import { ExactLane } from './settle-exact.ts';
import { findTrigger, type Trigger } from './trigger.ts';
import { DEFAULT_FILL_RULES, type FillRules, type PaperBalances, type PaperFill, type PaperOrder, type PaperRejection } from './types.ts';

export type PlaceOrderIntent = Extract<Intent, { kind: 'place_order' }>;

const NO_FILLS: readonly PaperFill[] = Object.freeze([]);
const NO_TAGS: string[] = [];

/**
 * A paper account and its resting orders: the fill simulator shared by the backtester and the
 * paper exchange. All money is Decimal; floats mirror the balances only for the equity curve.
 * Orders with effect 'reduce' or 'close' are reduce-only: they never exceed the open quantity of
 * their position, and the remaining ones are cancelled when that position is closed (so a
 * stop and a target behave as one-cancels-the-other).
 */
export class PaperBook {
  readonly pair: PairRules;
  readonly fees: Fees;
  readonly rules: FillRules;
  quoteNum: number;
  baseNum: number;
  readonly positions = new Map<string, Decimal>();
  orders: PaperOrder[] = [];
  readonly rejections: PaperRejection[] = [];
  private seq = 0;
  private readonly openPrices: OpenPrices;
  /** The exact BigInt lane (settle-exact.ts), or null to settle in Decimal only. */
  private readonly lane = lanes.exact ? new ExactLane() : null;
  /** The balances as Decimals; null while only the lane holds them (made when read). */
  private quoteD: Decimal | null;
  private baseD: Decimal | null;
  private free: PaperBalances | null = null;
  private tags: string[] | null = null;
  /** Price bounds of the resting orders, so a candle that reaches none of them costs a few comparisons. */
  private reach: { hasMarket: boolean; buyBelow: number; sellAbove: number; stopSellAt: number; stopBuyAt: number } | null = null;

  constructor(pair: PairRules, fees: Fees, balances: PaperBalances, rules: Partial<FillRules> = {}) {
    this.pair = pair;
    this.fees = fees;
    this.rules = { ...DEFAULT_FILL_RULES, ...rules };
    this.openPrices = new OpenPrices(pair, this.rules.slippageBps);
    this.quoteD = balances.quote;
    this.baseD = balances.base;
    this.quoteNum = decimalToNumber(balances.quote);
    this.baseNum = decimalToNumber(balances.base);
  }

  /** The quote balance (signed base for shorts is `base`). */
  get quote(): Decimal {
    return (this.quoteD ??= (this.lane as ExactLane).quoteDecimal());
  }

  set quote(value: Decimal) {
    this.quoteD = value;
    this.lane?.forget('quote');
    this.free = null;
  }

  get base(): Decimal {
    return (this.baseD ??= (this.lane as ExactLane).baseDecimal());
  }

  set base(value: Decimal) {
    this.baseD = value;
    this.lane?.forget('base');
    this.free = null;
  }

  /** Rests an order; it may fill from the candle after `index`. Returns the rejection, if any. */
  place(intent: PlaceOrderIntent, index: number, time: number): PaperRejection | null {
    if (this.orders.some((o) => o.tag === intent.tag)) return this.reject(intent.tag, time, 'duplicate_tag');
    const price = intent.price ? roundPrice(intent.price, this.pair) : null;
    const quantity = roundQuantity(intent.quantity, this.pair);
    const sizedLater = intent.equityFraction !== undefined || intent.effect === 'close' || intent.effect === 'reduce';
    if (!sizedLater && intent.type !== 'market') {
      const problem = checkOrderSize(quantity, price as Decimal, this.pair);
      if (problem) return this.reject(intent.tag, time, problem);
    }
    this.orders.push({
      seq: this.seq++, tag: intent.tag, side: intent.side, type: intent.type, quantity, price,
      priceNum: price ? decimalToNumber(price) : Number.NaN, positionTag: intent.positionTag, effect: intent.effect,
      closeReason: intent.closeReason, equityFraction: intent.equityFraction, placedAt: index,
    });
    this.free = null;
    this.tags = null;
    this.reach = null;
    return null;
  }

  cancel(tag: string): boolean {
    const before = this.orders.length;
    this.orders = this.orders.filter((o) => o.tag !== tag);
    this.free = null;
    this.tags = null;
    this.reach = null;
    return this.orders.length !== before;
  }

  /** Fills every resting order the candle reaches, in intrabar path order. */
  processCandle(candle: Candle, index: number): readonly PaperFill[] {
    if (this.orders.length === 0) return NO_FILLS;
    const r = (this.reach ??= this.computeReach());
    // Nothing can trigger: every buy limit below the low, every sell limit above the high, no stop reached.
    if (!r.hasMarket && candle.low > r.buyBelow && candle.high < r.sellAbove && candle.low > r.stopSellAt && candle.high < r.stopBuyAt) return NO_FILLS;
    let hits: { order: PaperOrder; trigger: Trigger }[] | null = null;
    for (const order of this.orders) {
      if (order.placedAt >= index) continue;
      const trigger = findTrigger(order, candle, this.rules);
      if (trigger) (hits ??= []).push({ order, trigger });
    }
    if (!hits) return NO_FILLS;
    hits.sort((a, b) => a.trigger.point - b.trigger.point || a.order.seq - b.order.seq);
    const fills: PaperFill[] = [];
    for (const { order, trigger } of hits) {
      if (!this.orders.includes(order)) continue; // cancelled by an earlier fill in this candle (OCO)
      this.orders = this.orders.filter((o) => o !== order);
      const price = trigger.atOpen ? this.openPrices.get(candle.open, order.type === 'market', order.side) : (order.price as Decimal);
      // Resting limits are makers; one that is marketable the moment it arrives takes liquidity.
      const maker = (order.type === 'limit' || order.type === 'take_profit') && !(trigger.atOpen && order.placedAt === index - 1);
      const fill = this.execute(order, price, candle.time, maker);
      if (fill) fills.push(fill);
    }
    this.free = null;
    this.tags = null;
    this.reach = null;
    return fills;
  }

  private computeReach() {
    const r = { hasMarket: false, buyBelow: -Infinity, sellAbove: Infinity, stopSellAt: -Infinity, stopBuyAt: Infinity };
    for (const o of this.orders) {
      if (o.type === 'market') r.hasMarket = true;
      else if (o.type === 'stop_loss') {
        if (o.side === 'sell') r.stopSellAt = Math.max(r.stopSellAt, o.priceNum);
        else r.stopBuyAt = Math.min(r.stopBuyAt, o.priceNum);
      } else if (o.side === 'buy') r.buyBelow = Math.max(r.buyBelow, o.priceNum);
      else r.sellAbove = Math.min(r.sellAbove, o.priceNum);
    }
    return r;
  }

  /** Executes an order immediately at a given price (end-of-test closes, arbitrage legs). */
  fillAt(intent: PlaceOrderIntent, price: Decimal, time: number, maker = false): PaperFill | null {
    const order: PaperOrder = {
      seq: this.seq++, tag: intent.tag, side: intent.side, type: intent.type, quantity: roundQuantity(intent.quantity, this.pair),
      price, priceNum: decimalToNumber(price), positionTag: intent.positionTag, effect: intent.effect,
      closeReason: intent.closeReason, equityFraction: intent.equityFraction, placedAt: -1,
    };
    const fill = this.execute(order, roundPrice(price, this.pair), time, maker);
    this.free = null;
    this.tags = null;
    this.reach = null;
    return fill;
  }

  /** Tags of the resting orders; the same array until the orders change (callers must not modify it). */
  openOrderTags(): string[] {
    if (this.orders.length === 0) return NO_TAGS;
    return (this.tags ??= this.orders.map((o) => o.tag));
  }

  /** Balances minus what resting orders lock (buy limits lock quote, sells lock base), like a venue's "free". */
  freeBalances(): PaperBalances {
    if (this.free) return this.free;
    const exact = this.lane?.freeBalances(this);
    if (exact) return (this.free = exact);
    let quote = this.quote;
    let base = this.base;
    for (const o of this.orders) {
      if (o.type === 'market' || !o.price) continue;
      if (o.side === 'buy') quote = quote.sub(o.quantity.mul(o.price));
      else base = base.sub(o.quantity);
    }
    this.free = { quote, base };
    return this.free;
  }

  positionQuantity(positionTag: string): Decimal {
    return this.positions.get(positionTag) ?? ZERO;
  }

  /** Equity at a price, as a float for the equity curve. */
  equityAt(price: number): number {
    return this.quoteNum + this.baseNum * price;
  }

  private execute(order: PaperOrder, price: Decimal, time: number, maker: boolean): PaperFill | null {
    const position = this.positionQuantity(order.positionTag);
    const rate = maker ? this.fees.makerRate : this.fees.takerRate;
    const s = this.lane?.settle(this, order, price, rate, position) ?? settleDecimal(this, order, price, rate, position);
    if (typeof s === 'string') return this.drop(order.tag, time, s);
    // The lane keeps balances it settled as units and makes their Decimals when they are read.
    if (s.quote !== null) this.quote = s.quote;
    else this.quoteD = null;
    if (s.base !== null) this.base = s.base;
    else this.baseD = null;
    this.quoteNum = s.quoteNum;
    this.baseNum = s.baseNum;
    if (s.position.isZero()) this.closePosition(order.positionTag);
    else this.positions.set(order.positionTag, s.position);
    return new BookFill(order, price, s.quantity, s.fee, time, maker, s.units);
  }

  private closePosition(positionTag: string): void {
    this.positions.delete(positionTag);
    this.orders = this.orders.filter((o) => o.positionTag !== positionTag || (o.effect !== 'reduce' && o.effect !== 'close'));
  }

  private drop(tag: string, time: number, reason: PaperRejection['reason']): null {
    this.reject(tag, time, reason);
    return null;
  }

  private reject(tag: string, time: number, reason: PaperRejection['reason']): PaperRejection {
    const rejection = { tag, time, reason };
    this.rejections.push(rejection);
    return rejection;
  }
}
