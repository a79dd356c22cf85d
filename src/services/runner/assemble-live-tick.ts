/**
 * The decision half of a live tick: the engine decides on fresh prices and the venue's balances;
 * each order it wants is recorded as pending with its deterministic client order id, inside the
 * tick's transaction. Sending happens after commit (live-orders.ts), never before recording.
 */
import { createId } from '../../shared/ids.ts';
import type { Candle, ExternalSignal, Fees, OrderBook, PairRules } from '../../engines/types.ts';
import { roundQuantity } from '../../engines/fills/rounding.ts';
import { Decimal } from '../../shared/money.ts';
import type { BotRow } from '../bots/bot-access.ts';
import { engineFor } from '../bots/engine-registry.ts';
import type { OrderRow, PositionRow } from './assemble-paper-tick.ts';
import { readEngineState, writeEngineState } from './engine-state.ts';
import { finishBotBook, openBotBook } from './record-fills.ts';
import { clientOrderIdFor } from './tick-ids.ts';
import type { WriteSet } from './write-set.ts';

export interface LiveTickInputs {
  bot: BotRow;
  positions: PositionRow[];
  active: OrderRow[]; // pending or open on the venue
  candles: Candle[];
  price: number;
  pair: PairRules & { id: string; exchangeId: string };
  fees: Fees;
  balances: { base: Decimal; quote: Decimal };
  signals: { id: string; signal: ExternalSignal }[];
  executionId: string;
  now: Date;
  books?: Record<string, OrderBook>;
  universe?: Record<string, Candle[]>;
}

export interface LiveTickPlan {
  newOrderIds: string[];
  cancelTags: string[];
}

export function assembleLiveTick(input: LiveTickInputs, writes: WriteSet): LiveTickPlan {
  const { bot, now } = input;
  const engine = engineFor(bot.type);
  const config = engine.configSchema.parse(bot.config);
  const stored = readEngineState(bot.engineState);
  const state = stored.hasState ? stored.state : engine.initialState(config);
  const warmup = engine.warmupCandles(config);
  const result = engine.decide(state, {
    time: now.getTime(), symbol: input.pair.symbol, candles: input.candles.slice(-Math.max(warmup, 1)), price: input.price, pair: input.pair, fees: input.fees,
    balances: input.balances, fills: stored.pendingFills, openOrderTags: input.active.map((o) => o.tag ?? o.id), signals: input.signals.map((s) => s.signal),
    books: input.books, universe: input.universe,
  }, config);

  const plan: LiveTickPlan = { newOrderIds: [], cancelTags: [] };
  for (const intent of result.intents) {
    if (intent.kind === 'cancel_order') plan.cancelTags.push(intent.tag);
    if (intent.kind !== 'place_order') continue;
    let quantity = intent.quantity;
    if (intent.equityFraction !== undefined) quantity = input.balances.quote.mul(intent.equityFraction).div(new Decimal(input.price).mul(input.fees.takerRate.add(1)));
    const id = createId();
    writes.orders.push({
      id, userId: bot.userId, botId: bot.id, exchangeId: input.pair.exchangeId, pairId: input.pair.id, type: intent.type, side: intent.side,
      price: intent.price ?? null, quantity: roundQuantity(quantity, input.pair), status: 'pending', clientOrderId: clientOrderIdFor(input.executionId, intent.tag),
      tag: intent.tag, executionId: input.executionId, positionTag: intent.positionTag, effect: intent.effect, closeReason: intent.closeReason ?? null,
      stopLoss: intent.stopLoss ?? null, takeProfit: intent.takeProfit ?? null, createdAt: now, updatedAt: now,
    });
    plan.newOrderIds.push(id);
  }
  for (const i of result.intents) {
    if (i.kind === 'pump_detection') writes.pumpDetections.push({ botId: bot.id, userId: bot.userId, symbol: i.symbol, priceChange: i.priceChange, volumeChange: i.volumeChange, currentPrice: i.currentPrice, volume24h: i.volume24h ?? null, confidence: i.confidence, detectedAt: now });
  }

  // mark open positions to market
  const book = openBotBook(bot, input.positions, input.pair);
  finishBotBook(writes, book, new Decimal(input.price));
  const last = input.candles.at(-1);
  writes.botUpdates.push({
    id: bot.id, engineState: writeEngineState(result.state, []), currentBalance: bot.currentBalance, lastExecutionAt: now, lastCandleAt: last ? new Date(last.time) : bot.lastCandleAt,
    totalTrades: bot.totalTrades, winningTrades: bot.winningTrades, losingTrades: bot.losingTrades, profit: bot.profit, profitPercentage: bot.profitPercentage,
    lastTradeAt: bot.lastTradeAt, consecutiveFailures: 0, status: bot.status, errorMessage: null,
  });
  const d = result.decision;
  writes.executions.push({
    botId: bot.id, executionId: input.executionId, signal: d.signal, confidence: new Decimal(Math.min(100, Math.max(0, Number.isFinite(d.confidence) ? d.confidence : 0))),
    reason: d.reason.slice(0, 1000), price: new Decimal(Number.isFinite(d.price) ? d.price : input.price), indicators: d.indicators, status: 'success', timestamp: now,
  });
  for (const x of input.signals) writes.signalDeliveries.push({ botId: bot.id, signalId: x.id, executionId: input.executionId, deliveredAt: now });
  return plan;
}
