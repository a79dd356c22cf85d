/**
 * Turns one bot's paper tick into rows: the execution record, orders, trades and positions
 * (record-fills.ts), the bot's cash, counters and engine state, detections, arbitrage runs and
 * notifications — all added to the batch's WriteSet.
 */
import { createId } from '../../shared/ids.ts';
import type * as s from '../../db/schema/index.ts';
import type { Candle, ExternalSignal, Fees, OrderBook, PairRules, StrategyEngine } from '../../engines/types.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import type { BotRow } from '../bots/bot-access.ts';
import { engineFor } from '../bots/engine-registry.ts';
import { computePaperTick, type RestingOrder } from './compute-paper-tick.ts';
import { readEngineState, writeEngineState } from './engine-state.ts';
import { netPnl } from './position-ledger.ts';
import { countersAfter, finishBotBook, holdingsOf, notifyFills, openBotBook, recordFill, type PositionRow } from './record-fills.ts';
import { clientOrderIdFor } from './tick-ids.ts';
import type { WriteSet } from './write-set.ts';

export type { PositionRow };
export type OrderRow = typeof s.orders.$inferSelect;

export interface PaperTickInputs {
  bot: BotRow;
  positions: PositionRow[];
  resting: OrderRow[];
  candles: Candle[];
  price: number;
  pair: PairRules & { id: string; exchangeId: string };
  fees: Fees;
  signals: { id: string; signal: ExternalSignal }[];
  executionId: string;
  now: Date;
  slippageBps: number;
  books?: Record<string, OrderBook>;
  universe?: Record<string, Candle[]>;
  /** Drive this tick with another engine (a closer); the bot's own state is kept untouched. */
  override?: (holdings: Map<string, Decimal>) => { engine: StrategyEngine<any, any> };
  /** Play candles through resting orders (default true; a manual close does not). */
  playCandles?: boolean;
}

export interface TickSummary {
  fills: number;
  closed: number;
  signal: string;
}

export function assemblePaperTick(input: PaperTickInputs, writes: WriteSet): TickSummary {
  const { bot, now } = input;
  const own = engineFor(bot.type);
  const ownConfig = own.configSchema.parse(bot.config);
  const stored = readEngineState(bot.engineState);
  const ownState = stored.hasState ? stored.state : own.initialState(ownConfig);
  const book = openBotBook(bot, input.positions, input.pair, input.resting);
  const holdings = holdingsOf(book);
  const restingByTag = new Map(input.resting.map((o) => [o.tag ?? o.id, o]));
  const resting: RestingOrder[] = input.resting.map((o) => ({
    id: o.id, tag: o.tag ?? o.id, side: o.side as 'buy' | 'sell', type: o.type as RestingOrder['type'], quantity: o.quantity, price: o.price,
    positionTag: o.positionTag ?? o.tag ?? o.id, effect: (o.effect ?? 'open') as RestingOrder['effect'], closeReason: (o.closeReason ?? undefined) as RestingOrder['closeReason'],
  }));

  const override = input.override?.(holdings);
  const outcome = computePaperTick({
    engine: override?.engine ?? own, config: override ? {} : ownConfig, state: override ? null : ownState, cash: bot.currentBalance, holdings, resting,
    candles: input.candles, lastCandleTime: input.playCandles === false ? null : bot.lastCandleAt ? bot.lastCandleAt.getTime() : null,
    price: input.price, pair: input.pair, fees: input.fees, slippageBps: input.slippageBps, now: now.getTime(), books: input.books, universe: input.universe,
    signals: override ? [] : input.signals.map((x) => x.signal), pendingFills: override ? [] : stored.pendingFills, guards: override ? undefined : book.guards,
  });
  // with an override the bot's engine keeps its state and still has to hear of its old fills
  const nextState = override ? ownState : outcome.state;
  const carriedFills = override ? stored.pendingFills : [];

  // the levels the engine wants on each position, for the rows and the guard
  const intents = new Map(outcome.intents.flatMap((i) => (i.kind === 'place_order' ? [[i.tag, i] as const] : [])));
  for (const i of intents.values()) {
    if (i.stopLoss === undefined && i.takeProfit === undefined) continue;
    const before = book.guards.get(i.positionTag);
    book.guards.set(i.positionTag, { stopLoss: i.stopLoss ?? before?.stopLoss ?? null, takeProfit: i.takeProfit ?? before?.takeProfit ?? null });
  }

  // orders: resting ones are updated; new ones (resting, rejected or filled now) are inserted
  const orderIds = new Map<string, string>([...restingByTag].map(([tag, row]) => [tag, row.id]));
  const newOrders = new Map<string, typeof s.orders.$inferInsert>();
  const newOrder = (tag: string, fields: Partial<typeof s.orders.$inferInsert>) => {
    const intent = intents.get(tag);
    const row: typeof s.orders.$inferInsert = {
      id: createId(), userId: bot.userId, botId: bot.id, exchangeId: input.pair.exchangeId, pairId: input.pair.id,
      type: intent?.type ?? 'market', side: intent?.side ?? 'buy', price: intent?.price ?? null, quantity: intent?.quantity ?? ZERO,
      status: 'pending', clientOrderId: clientOrderIdFor(input.executionId, tag), tag, executionId: input.executionId,
      positionTag: intent?.positionTag ?? null, effect: intent?.effect ?? null, closeReason: intent?.closeReason ?? null,
      stopLoss: intent?.stopLoss ?? null, takeProfit: intent?.takeProfit ?? null,
      createdAt: now, updatedAt: now, ...fields,
    };
    orderIds.set(tag, row.id!);
    newOrders.set(tag, row);
  };
  for (const o of outcome.placed) newOrder(o.tag, { status: 'open', quantity: o.quantity, price: o.price });
  for (const r of outcome.rejections) newOrder(r.tag, { status: 'failed', errorMessage: r.reason });

  for (const fill of outcome.fills) {
    const filled = { status: 'filled', filled: fill.quantity, averagePrice: fill.price, fee: fill.fee, filledAt: new Date(fill.time) } as const;
    if (restingByTag.has(fill.tag)) {
      writes.orderUpdates.push({ botId: bot.id, tag: fill.tag, ...filled });
    } else if (intents.has(fill.tag)) {
      newOrder(fill.tag, filled);
    } else {
      // generated this tick (the stop-loss/take-profit guard, an arbitrage leg): the fill is the order
      newOrder(fill.tag, { ...filled, type: 'market', side: fill.side, quantity: fill.quantity, positionTag: fill.positionTag, effect: fill.effect, closeReason: fill.closeReason ?? null });
    }
    recordFill(writes, book, {
      ...fill, orderId: orderIds.get(fill.tag) ?? null, exchangeTradeId: `${clientOrderIdFor(input.executionId, fill.tag)}-1`,
      intendedPrice: intents.get(fill.tag)?.price ?? null, orderType: fill.tag.startsWith('guard:') ? 'market' : fill.orderType,
    }, now);
  }
  writes.orders.push(...newOrders.values());
  for (const tag of outcome.restingCancelled) writes.orderUpdates.push({ botId: bot.id, tag, status: 'cancelled', filled: null, averagePrice: null, fee: null, filledAt: null });

  const closed = finishBotBook(writes, book, new Decimal(input.price));
  // market and guard fills happen after the decision: the engine hears of them next time
  const unreported = outcome.fills.filter((f) => f.time >= now.getTime()).map((f) => ({ tag: f.tag, side: f.side, price: f.price, quantity: f.quantity, fee: f.fee, time: f.time }));
  writes.botUpdates.push({
    id: bot.id, engineState: writeEngineState(nextState, [...carriedFills, ...unreported]), currentBalance: book.cash,
    lastExecutionAt: override ? bot.lastExecutionAt ?? now : now,
    lastCandleAt: override ? bot.lastCandleAt : outcome.lastCandleTime !== null ? new Date(outcome.lastCandleTime) : null,
    ...countersAfter(bot, closed), lastTradeAt: outcome.fills.length ? now : bot.lastTradeAt, consecutiveFailures: 0, status: bot.status, errorMessage: null,
  });

  const d = outcome.decision;
  writes.executions.push({
    botId: bot.id, executionId: input.executionId, signal: d.signal, confidence: new Decimal(clamp(d.confidence, 0, 100)), reason: d.reason.slice(0, 1000),
    price: new Decimal(Number.isFinite(d.price) ? d.price : input.price), indicators: d.indicators, status: 'success', timestamp: now,
  });
  for (const intent of outcome.intents) {
    if (intent.kind === 'pump_detection') {
      writes.pumpDetections.push({ botId: bot.id, userId: bot.userId, symbol: intent.symbol, priceChange: intent.priceChange, volumeChange: intent.volumeChange, currentPrice: intent.currentPrice, volume24h: intent.volume24h ?? null, confidence: intent.confidence, detectedAt: now });
    } else if (intent.kind === 'paired_orders') {
      const legs = outcome.fills.filter((f) => f.positionTag === intent.tag);
      const position = book.ledger.get(intent.tag);
      writes.botExecutions.push({ botId: bot.id, status: legs.length === 2 ? 'completed' : 'failed', logs: { reason: intent.reason, buy: { venue: intent.buy.venue, price: intent.buy.price.toFixed() }, sell: { venue: intent.sell.venue, price: intent.sell.price.toFixed() } }, profitLoss: position?.closed ? netPnl(position) : null, tradesCount: legs.length, startedAt: now, endedAt: now });
    }
  }
  for (const x of input.signals) writes.signalDeliveries.push({ botId: bot.id, signalId: x.id, executionId: input.executionId, deliveredAt: now });
  notifyFills(writes, bot, outcome.fills, closed, input.pair.symbol, now);
  return { fills: outcome.fills.length, closed: closed.length, signal: d.signal };
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
}
