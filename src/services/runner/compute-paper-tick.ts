/**
 * One decision cycle of a paper bot, computed in memory from persisted state: the paper book
 * (the engines' fill simulator, the same one the backtester uses) is rebuilt from the bot's cash,
 * its open positions and its resting orders; the candles closed since the last tick are played
 * through it (resting limits and stops fill), the engine decides, and its orders are applied —
 * market orders fill now at the current price moved by the slippage, others rest.
 * Pure: the caller loads the inputs and persists the outcome in one transaction.
 */
import { PaperBook } from '../../engines/fills/paper-book.ts';
import { priceFromNumber, roundPrice } from '../../engines/fills/rounding.ts';
import type { PaperFill, PaperOrder, PaperRejection } from '../../engines/fills/types.ts';
import type { Candle, Decision, ExternalSignal, Fees, Fill, Intent, OrderBook, PairRules, StrategyEngine } from '../../engines/types.ts';
import { Decimal, ZERO } from '../../shared/money.ts';

export interface RestingOrder {
  id: string;
  tag: string;
  side: 'buy' | 'sell';
  type: 'market' | 'limit' | 'stop_loss' | 'take_profit';
  quantity: Decimal;
  price: Decimal | null;
  positionTag: string;
  effect: 'open' | 'increase' | 'reduce' | 'close';
  closeReason: PaperOrder['closeReason'];
}

export interface PaperTickInput {
  engine: StrategyEngine<any, any>;
  config: unknown;
  state: unknown;
  cash: Decimal;
  /** Open positions: tag → signed base quantity (positive long). */
  holdings: Map<string, Decimal>;
  resting: RestingOrder[];
  /** Closed candles, oldest first (at least the engine's warm-up when available). */
  candles: Candle[];
  /** Time of the last candle already played through the book (null on the first tick). */
  lastCandleTime: number | null;
  price: number;
  pair: PairRules;
  fees: Fees;
  slippageBps: number;
  now: number;
  signals?: ExternalSignal[];
  books?: Record<string, OrderBook>;
  universe?: Record<string, Candle[]>;
  /** Fills the engine has not been told about yet (market orders filled after its last decision). */
  pendingFills?: Fill[];
  /** Stop loss / take profit each open position carries (from the engine's intents). */
  guards?: Map<string, { stopLoss: Decimal | null; takeProfit: Decimal | null }>;
}

export interface PaperTickOutcome {
  decision: Decision;
  state: unknown;
  intents: Intent[];
  /** Fills in the order they happened, with their order's intent fields. */
  fills: PaperFill[];
  /** Tags of resting orders that filled or were cancelled this tick. */
  restingFilled: string[];
  restingCancelled: string[];
  /** New resting orders placed this tick. */
  placed: PaperOrder[];
  rejections: PaperRejection[];
  cash: Decimal;
  lastCandleTime: number | null;
  /** True when the engine had fewer closed candles than it needs; it still ran. */
  warmingUp: boolean;
}

export function computePaperTick(input: PaperTickInput): PaperTickOutcome {
  const base = [...input.holdings.values()].reduce((sum, q) => sum.add(q), ZERO);
  const book = new PaperBook(input.pair, input.fees, { quote: input.cash, base }, { slippageBps: input.slippageBps });
  for (const [tag, qty] of input.holdings) if (!qty.isZero()) book.positions.set(tag, qty);
  let seq = 0;
  for (const o of input.resting) {
    book.orders.push({
      seq: seq++, tag: o.tag, side: o.side, type: o.type, quantity: o.quantity, price: o.price,
      priceNum: o.price ? o.price.toNumber() : Number.NaN, positionTag: o.positionTag, effect: o.effect,
      closeReason: o.closeReason, placedAt: -1,
    });
  }
  const restingTags = new Set(input.resting.map((o) => o.tag));
  const rejectionsBefore = book.rejections.length;

  // 1. candles closed since the last tick fill resting orders, in time order
  const fresh = input.lastCandleTime === null ? [] : input.candles.filter((c) => c.time > input.lastCandleTime!);
  const fills: PaperFill[] = [];
  fresh.forEach((candle, i) => fills.push(...book.processCandle(candle, i)));

  // 2. the engine decides
  const config = input.config;
  const warmup = input.engine.warmupCandles(config);
  const engineFills: Fill[] = [...(input.pendingFills ?? []), ...fills.map(toEngineFill)];
  // A paper arbitrage bot is one account standing for both venues: its sell leg sells what its
  // buy leg has just bought, so its quote is also its inventory on the selling venue.
  const free = book.freeBalances();
  const balances = input.engine.type === 'arbitrage' && input.price > 0 ? { quote: free.quote, base: Decimal.max(free.base, free.quote.div(input.price)) } : free;
  const result = input.engine.decide(input.state, {
    time: input.now,
    symbol: input.pair.symbol,
    candles: input.candles.slice(-Math.max(warmup, 1)),
    price: input.price,
    pair: input.pair,
    fees: input.fees,
    balances,
    fills: engineFills,
    openOrderTags: book.openOrderTags(),
    signals: input.signals,
    books: input.books,
    universe: input.universe,
  }, config);

  // 3. its orders: market orders fill now, the rest rest
  const placed: PaperOrder[] = [];
  const index = fresh.length;
  for (const intent of result.intents) {
    if (intent.kind === 'place_order') {
      if (intent.type === 'market') {
        const fill = book.fillAt(intent, marketPrice(input.price, intent.side, input.slippageBps, input.pair), input.now);
        if (fill) fills.push(fill);
      } else if (!book.place(intent, index, input.now)) {
        const order = book.orders.find((o) => o.tag === intent.tag);
        if (order) placed.push(order);
      }
    } else if (intent.kind === 'cancel_order') {
      book.cancel(intent.tag);
    } else if (intent.kind === 'paired_orders') {
      const leg = (side: 'buy' | 'sell', price: Decimal, quantity: Decimal) =>
        book.fillAt({ kind: 'place_order', tag: `${intent.tag}:${side}`, side, type: 'market', quantity, positionTag: intent.tag, effect: side === 'buy' ? 'open' : 'close', closeReason: side === 'sell' ? 'TAKE_PROFIT' : undefined, reason: intent.reason }, price, input.now);
      const buy = leg('buy', intent.buy.price, intent.buy.quantity);
      if (buy) {
        fills.push(buy);
        const sell = leg('sell', intent.sell.price, buy.quantity);
        if (sell) fills.push(sell);
      }
    }
  }
  // 4. the stop-loss / take-profit guard: a position whose level the price has crossed, and
  //    that the engine neither closed nor protects with a resting order, is closed at market.
  const touched = new Set<string>();
  for (const i of result.intents) if (i.kind === 'place_order') touched.add(i.positionTag);
  for (const o of book.orders) touched.add(o.positionTag);
  for (const [positionTag, quantity] of [...book.positions]) {
    const guard = input.guards?.get(positionTag);
    if (!guard || touched.has(positionTag) || quantity.isZero()) continue;
    const long = quantity.gt(0);
    const hitStop = guard.stopLoss !== null && (long ? input.price <= guard.stopLoss.toNumber() : input.price >= guard.stopLoss.toNumber());
    const hitTarget = guard.takeProfit !== null && (long ? input.price >= guard.takeProfit.toNumber() : input.price <= guard.takeProfit.toNumber());
    if (!hitStop && !hitTarget) continue;
    const side = long ? 'sell' : 'buy';
    const fill = book.fillAt(
      { kind: 'place_order', tag: `guard:${positionTag}`, side, type: 'market', quantity: quantity.abs(), positionTag, effect: 'close', closeReason: hitStop ? 'STOP_LOSS' : 'TAKE_PROFIT', reason: 'stop loss / take profit reached' },
      marketPrice(input.price, side, input.slippageBps, input.pair),
      input.now,
    );
    if (fill) fills.push(fill);
  }

  // what became of the orders that were resting: filled, or gone (cancelled by the engine, or
  // by the book when their position closed — one-cancels-the-other)
  const filledTags = new Set(fills.map((f) => f.tag));
  const open = new Set(book.openOrderTags());
  const restingFilled = [...restingTags].filter((tag) => filledTags.has(tag));
  const restingCancelled = [...restingTags].filter((tag) => !filledTags.has(tag) && !open.has(tag));

  const last = input.candles.length ? input.candles[input.candles.length - 1].time : input.lastCandleTime;
  return {
    decision: result.decision,
    state: result.state,
    intents: result.intents,
    fills,
    restingFilled,
    restingCancelled,
    placed: placed.filter((o) => open.has(o.tag)),
    rejections: book.rejections.slice(rejectionsBefore),
    cash: book.quote,
    lastCandleTime: last,
    warmingUp: input.candles.length < warmup,
  };
}

function toEngineFill(f: PaperFill): Fill {
  return { tag: f.tag, side: f.side, price: f.price, quantity: f.quantity, fee: f.fee, time: f.time };
}

/** The price a market order fills at now: the current price, moved against us by the slippage. */
export function marketPrice(price: number, side: 'buy' | 'sell', slippageBps: number, pair: PairRules): Decimal {
  const p = priceFromNumber(price, pair);
  if (slippageBps === 0) return p;
  const slip = new Decimal(slippageBps).div(10_000);
  return side === 'buy' ? roundPrice(p.mul(slip.add(1)), pair, 'up') : roundPrice(p.mul(new Decimal(1).sub(slip)), pair, 'down');
}
