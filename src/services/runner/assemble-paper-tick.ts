/**
 * Turns one bot's paper tick into rows: the execution record, orders, trades (one per fill),
 * positions (round trips by the engine's positionTag), the bot's cash and counters, detections,
 * arbitrage runs and notifications — all added to the batch's WriteSet.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Candle, ExternalSignal, Fees, OrderBook, PairRules } from '../../engines/types.ts';
import type { PaperFill } from '../../engines/fills/types.ts';
import type * as s from '../../db/schema/index.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import type { BotRow } from '../bots/bot-access.ts';
import { engineFor } from '../bots/engine-registry.ts';
import { computePaperTick, type RestingOrder } from './compute-paper-tick.ts';
import { readEngineState, writeEngineState } from './engine-state.ts';
import { applyFill, averageExit, netPnl, pnlPercent, unrealized, type LedgerPosition } from './position-ledger.ts';
import { clientOrderIdFor } from './tick-ids.ts';
import type { WriteSet } from './write-set.ts';

export type PositionRow = typeof s.positions.$inferSelect;
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
  override?: (holdings: Map<string, Decimal>) => { engine: import('../../engines/types.ts').StrategyEngine<any, any>; cancelTags?: string[] };
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

  const ledger = new Map<string, LedgerPosition>();
  const rowsByTag = new Map<string, PositionRow>();
  const holdings = new Map<string, Decimal>();
  const guards = new Map<string, { stopLoss: Decimal | null; takeProfit: Decimal | null }>();
  for (const p of input.positions) {
    const tag = p.tag ?? p.id;
    rowsByTag.set(tag, p);
    ledger.set(tag, toLedger(p, tag));
    holdings.set(tag, p.side === 'BUY' ? p.quantity : p.quantity.neg());
    guards.set(tag, { stopLoss: p.stopLoss, takeProfit: p.takeProfit });
  }
  const restingRows = new Map(input.resting.map((o) => [o.tag ?? o.id, o]));
  const resting: RestingOrder[] = input.resting.map((o) => ({
    id: o.id, tag: o.tag ?? o.id, side: o.side as 'buy' | 'sell', type: o.type as RestingOrder['type'], quantity: o.quantity, price: o.price,
    positionTag: o.positionTag ?? o.tag ?? o.id, effect: (o.effect ?? 'open') as RestingOrder['effect'], closeReason: (o.closeReason ?? undefined) as RestingOrder['closeReason'],
  }));

  const override = input.override?.(holdings);
  const outcome = computePaperTick({
    engine: override?.engine ?? own, config: override ? {} : ownConfig, state: override ? null : ownState, cash: bot.currentBalance, holdings, resting,
    candles: input.candles, lastCandleTime: input.playCandles === false ? null : bot.lastCandleAt ? bot.lastCandleAt.getTime() : null,
    price: input.price, pair: input.pair, fees: input.fees, slippageBps: input.slippageBps, now: now.getTime(),
    books: input.books, universe: input.universe,
    signals: override ? [] : input.signals.map((x) => x.signal), pendingFills: override ? [] : stored.pendingFills, guards: override ? undefined : guards,
  });
  // with an override the bot's engine keeps its state and still has to hear of its old fills
  const nextState = override ? ownState : outcome.state;
  const carriedFills = override ? stored.pendingFills : [];

  // intents by tag, for order rows and position levels
  const intents = new Map(outcome.intents.filter((i) => i.kind === 'place_order').map((i) => [i.tag, i]));
  for (const i of outcome.intents) {
    if (i.kind !== 'place_order') continue;
    if (i.stopLoss !== undefined || i.takeProfit !== undefined) guards.set(i.positionTag, { stopLoss: i.stopLoss ?? guards.get(i.positionTag)?.stopLoss ?? null, takeProfit: i.takeProfit ?? guards.get(i.positionTag)?.takeProfit ?? null });
  }

  const orderIds = new Map<string, string>(); // tag → order row id
  for (const [tag, row] of restingRows) orderIds.set(tag, row.id);
  const newOrder = (tag: string, fields: Partial<typeof s.orders.$inferInsert>) => {
    const id = createId();
    orderIds.set(tag, id);
    const intent = intents.get(tag);
    writes.orders.push({
      id, userId: bot.userId, botId: bot.id, exchangeId: input.pair.exchangeId, pairId: input.pair.id,
      type: intent?.type ?? 'market', side: intent?.side ?? 'buy', price: intent?.price ?? null, quantity: intent?.quantity ?? ZERO,
      status: 'pending', clientOrderId: clientOrderIdFor(input.executionId, tag), tag, executionId: input.executionId,
      positionTag: intent?.positionTag ?? null, effect: intent?.effect ?? null, closeReason: intent?.closeReason ?? null,
      createdAt: now, updatedAt: now, ...fields,
    });
  };
  for (const o of outcome.placed) newOrder(o.tag, { status: 'open', quantity: o.quantity, price: o.price });
  for (const r of outcome.rejections) newOrder(r.tag, { status: 'failed', errorMessage: r.reason });

  // fills → trades, positions, cash after each fill
  let cash = bot.currentBalance;
  const closed: LedgerPosition[] = [];
  const changed = new Set<string>();
  for (const fill of outcome.fills) {
    if (!orderIds.has(fill.tag)) {
      const generated = fill.tag.startsWith('guard:') || !intents.has(fill.tag);
      newOrder(fill.tag, {
        status: 'filled', filled: fill.quantity, averagePrice: fill.price, fee: fill.fee, filledAt: new Date(fill.time),
        ...(generated ? { type: 'market', side: fill.side, quantity: fill.quantity, positionTag: fill.positionTag, effect: fill.effect, closeReason: fill.closeReason ?? null } : {}),
      });
    } else if (restingRows.has(fill.tag)) {
      writes.orderUpdates.push({ botId: bot.id, tag: fill.tag, status: 'filled', filled: fill.quantity, averagePrice: fill.price, fee: fill.fee, filledAt: new Date(fill.time) });
    } else {
      // an order placed and filled in this tick (market): mark the pending row filled
      const row = writes.orders.find((o) => o.tag === fill.tag && o.botId === bot.id);
      if (row) Object.assign(row, { status: 'filled', filled: fill.quantity, averagePrice: fill.price, fee: fill.fee, filledAt: new Date(fill.time) });
    }
    const notional = fill.price.mul(fill.quantity);
    cash = fill.side === 'buy' ? cash.sub(notional).sub(fill.fee) : cash.add(notional).sub(fill.fee);
    const effect = applyFill(ledger, { ...fill, closeReason: fill.closeReason });
    const position = effect.position;
    if (position.id === null) {
      position.id = createId();
      const guard = guards.get(position.tag);
      position.stopLoss = guard?.stopLoss ?? null;
      position.takeProfit = guard?.takeProfit ?? null;
      writes.positionsNew.push({
        id: position.id, botId: bot.id, userId: bot.userId, symbol: input.pair.symbol, side: position.side, quantity: position.quantity,
        entryPrice: position.entryPrice, currentPrice: fill.price, stopLoss: position.stopLoss, takeProfit: position.takeProfit, status: 'open',
        exchange: bot.exchange, orderType: fill.orderType === 'market' ? 'market' : 'limit', fee: ZERO, entryTime: new Date(fill.time),
        isPaperTrade: true, signalPrice: intents.get(fill.tag)?.price ?? null, tag: position.tag, createdAt: now, updatedAt: now,
      });
    }
    changed.add(position.tag);
    if (effect.closedNow) closed.push(position);
    writes.trades.push({
      id: createId(), userId: bot.userId, botId: bot.id, exchangeId: input.pair.exchangeId, pairId: input.pair.id, positionId: position.id,
      orderId: orderIds.get(fill.tag) ?? null, symbol: input.pair.symbol.replace('/', ''), side: fill.side === 'buy' ? 'BUY' : 'SELL',
      type: fill.orderType === 'market' || fill.tag.startsWith('guard:') ? 'MARKET' : 'LIMIT', price: intents.get(fill.tag)?.price ?? fill.price,
      quantity: fill.quantity, executedPrice: fill.price, fee: fill.fee, feeCurrency: input.pair.quote, total: notional,
      profitLoss: effect.realized, balance: cash, isPaperTrade: true, executedAt: new Date(fill.time),
      exchangeOrderId: null, exchangeTradeId: `${clientOrderIdFor(input.executionId, fill.tag)}-1`,
    });
  }
  for (const tag of outcome.restingCancelled) writes.orderUpdates.push({ botId: bot.id, tag, status: 'cancelled', filled: null, averagePrice: null, fee: null, filledAt: null });

  // every position: mark to market (and close the ones closed this tick)
  const mark = new Decimal(input.price);
  for (const [tag, p] of ledger) {
    if (!changed.has(tag) && !rowsByTag.has(tag)) continue;
    const row = rowsByTag.get(tag);
    const guard = guards.get(tag);
    const update = {
      id: p.id!, quantity: p.closed ? p.openedQuantity : p.quantity, entryPrice: p.entryPrice, currentPrice: mark,
      unrealizedPnl: p.closed ? ZERO : unrealized(p, mark), unrealizedPnlPercent: p.closed || p.entryPrice.isZero() ? ZERO : unrealized(p, mark).div(p.entryPrice.mul(p.quantity)).mul(100),
      fee: p.fees, stopLoss: guard?.stopLoss ?? p.stopLoss, takeProfit: guard?.takeProfit ?? p.takeProfit, status: (p.closed ? 'closed' : 'open') as 'open' | 'closed',
      exitPrice: p.closed ? averageExit(p) : null, profitLoss: p.closed ? netPnl(p) : null, profitLossPercent: p.closed ? pnlPercent(p) : null,
      closeReason: p.closeReason, closedAt: p.closedAt !== null ? new Date(p.closedAt) : null,
      holdingSeconds: p.closedAt !== null ? (p.closedAt - p.entryTime) / 1000 : null, metadata: ledgerMetadata(p, row),
    };
    writes.positionUpdates.push(update);
  }

  // the bot's cash and counters (seed 002)
  let profit = bot.profit;
  let wins = bot.winningTrades;
  let losses = bot.losingTrades;
  for (const p of closed) {
    const pnl = netPnl(p);
    profit = profit.add(pnl);
    if (pnl.gt(0)) wins++;
    else losses++;
  }
  const allFills: PaperFill[] = outcome.fills;
  // market and guard fills happen after the decision: the engine hears of them next time
  const unreported = allFills.filter((f) => f.time >= now.getTime());
  writes.botUpdates.push({
    id: bot.id, engineState: writeEngineState(nextState, [...carriedFills, ...unreported.map((f) => ({ tag: f.tag, side: f.side, price: f.price, quantity: f.quantity, fee: f.fee, time: f.time }))]),
    currentBalance: cash, lastExecutionAt: override ? bot.lastExecutionAt ?? now : now,
    lastCandleAt: override ? bot.lastCandleAt : outcome.lastCandleTime !== null ? new Date(outcome.lastCandleTime) : null,
    totalTrades: bot.totalTrades + closed.length, winningTrades: wins, losingTrades: losses, profit,
    profitPercentage: bot.initialBalance.isZero() ? ZERO : profit.div(bot.initialBalance).mul(100), lastTradeAt: allFills.length ? now : bot.lastTradeAt,
    consecutiveFailures: 0, status: bot.status, errorMessage: null,
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
      const legs = allFills.filter((f) => f.positionTag === intent.tag);
      const position = ledger.get(intent.tag);
      writes.botExecutions.push({ botId: bot.id, status: legs.length === 2 ? 'completed' : 'failed', logs: { reason: intent.reason, buy: { venue: intent.buy.venue, price: intent.buy.price.toFixed() }, sell: { venue: intent.sell.venue, price: intent.sell.price.toFixed() } }, profitLoss: position && position.closed ? netPnl(position) : null, tradesCount: legs.length, startedAt: now, endedAt: now });
    }
  }
  for (const x of input.signals) writes.signalDeliveries.push({ botId: bot.id, signalId: x.id, executionId: input.executionId, deliveredAt: now });

  notify(writes, bot, allFills, closed, input.pair.symbol, now);
  return { fills: allFills.length, closed: closed.length, signal: d.signal };
}

function notify(writes: WriteSet, bot: BotRow, fills: PaperFill[], closed: LedgerPosition[], symbol: string, now: Date): void {
  if (fills.length) {
    const lines = fills.slice(0, 10).map((f) => `${f.side === 'buy' ? 'Bought' : 'Sold'} ${f.quantity.toFixed()} ${symbol.split('/')[0]} at ${f.price.toFixed()}`);
    if (fills.length > 10) lines.push(`… and ${fills.length - 10} more`);
    writes.notifications.push({ userId: bot.userId, type: 'TRADE_EXECUTED', channel: 'IN_APP', priority: 'NORMAL', title: `${bot.name}: ${fills.length === 1 ? 'trade executed' : `${fills.length} trades executed`}`, message: lines.join('\n'), metadata: { botId: bot.id }, createdAt: now, updatedAt: now });
  }
  for (const p of closed) {
    if (p.closeReason !== 'STOP_LOSS' && p.closeReason !== 'TAKE_PROFIT') continue;
    const pnl = netPnl(p);
    writes.notifications.push({
      userId: bot.userId, type: p.closeReason === 'STOP_LOSS' ? 'STOP_LOSS_HIT' : 'TAKE_PROFIT_HIT', channel: 'IN_APP', priority: p.closeReason === 'STOP_LOSS' ? 'HIGH' : 'NORMAL',
      title: `${bot.name}: ${p.closeReason === 'STOP_LOSS' ? 'stop loss hit' : 'take profit hit'}`,
      message: `${symbol} closed at ${averageExit(p)?.toFixed() ?? '?'}: ${pnl.gte(0) ? '+' : ''}${pnl.toDecimalPlaces(2).toFixed()} (${pnlPercent(p).toDecimalPlaces(2).toFixed()} %).`,
      metadata: { botId: bot.id, positionTag: p.tag }, createdAt: now, updatedAt: now,
    });
  }
}

function toLedger(p: PositionRow, tag: string): LedgerPosition {
  const m = (p.metadata ?? {}) as Record<string, string | undefined>;
  const d = (v: string | undefined, fallback: Decimal) => (v !== undefined ? new Decimal(v) : fallback);
  return {
    id: p.id, tag, side: p.side as 'BUY' | 'SELL', quantity: p.quantity, entryPrice: p.entryPrice,
    openedQuantity: d(m.openedQuantity, p.quantity), entryNotional: d(m.entryNotional, p.entryPrice.mul(p.quantity)), fees: p.fee,
    realizedGross: d(m.realizedGross, ZERO), exitNotional: d(m.exitNotional, ZERO), exitQuantity: d(m.exitQuantity, ZERO),
    entryTime: p.entryTime.getTime(), stopLoss: p.stopLoss, takeProfit: p.takeProfit, closed: false, closeReason: null, closedAt: null,
  };
}

function ledgerMetadata(p: LedgerPosition, row: PositionRow | undefined): Record<string, unknown> {
  return {
    ...((row?.metadata ?? {}) as Record<string, unknown>),
    openedQuantity: p.openedQuantity.toFixed(), entryNotional: p.entryNotional.toFixed(), realizedGross: p.realizedGross.toFixed(),
    exitNotional: p.exitNotional.toFixed(), exitQuantity: p.exitQuantity.toFixed(),
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo;
}
