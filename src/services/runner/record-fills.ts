/**
 * Fills into rows, shared by paper ticks, live reconciliation and manual closes: a trade per
 * fill, round trips by the engine's positionTag (opened, grown, reduced, closed), the bot's cash
 * after each fill, and every touched position marked to market at the end.
 */
import { createId } from '../../shared/ids.ts';
import type * as s from '../../db/schema/index.ts';
import type { OrderSide, OrderType } from '../../engines/types.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import type { BotRow } from '../bots/bot-access.ts';
import { applyFill, averageExit, netPnl, pnlPercent, unrealized, type LedgerFill, type LedgerPosition } from './position-ledger.ts';
import type { WriteSet } from './write-set.ts';

export type PositionRow = typeof s.positions.$inferSelect;

/** A fill as the ledger needs it, plus what its trade row records. */
export interface FillRecord extends LedgerFill {
  orderType: OrderType;
  orderId: string | null;
  exchangeTradeId: string;
  exchangeOrderId?: string | null;
  intendedPrice?: Decimal | null;
}

export interface Guard {
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
}

export interface BotBook {
  bot: BotRow;
  ledger: Map<string, LedgerPosition>;
  rows: Map<string, PositionRow>;
  guards: Map<string, Guard>;
  cash: Decimal;
  changed: Set<string>;
  closed: LedgerPosition[];
  pair: { id: string; exchangeId: string; symbol: string; quote: string };
}

/**
 * The bot's open positions as a book. `orders` (resting or filling order rows) carry the levels
 * the engine attached when it placed them: a position that a resting order opens takes them.
 */
export function openBotBook(bot: BotRow, positions: PositionRow[], pair: BotBook['pair'], orders: readonly OrderLevels[] = []): BotBook {
  const book: BotBook = { bot, ledger: new Map(), rows: new Map(), guards: new Map(), cash: bot.currentBalance, changed: new Set(), closed: [], pair };
  for (const p of positions) {
    const tag = p.tag ?? p.id;
    book.rows.set(tag, p);
    book.ledger.set(tag, toLedger(p, tag));
    book.guards.set(tag, { stopLoss: p.stopLoss, takeProfit: p.takeProfit });
  }
  for (const o of orders) {
    const tag = o.positionTag;
    if (!tag || book.guards.has(tag) || (o.stopLoss === null && o.takeProfit === null)) continue;
    book.guards.set(tag, { stopLoss: o.stopLoss, takeProfit: o.takeProfit });
  }
  return book;
}

type OrderLevels = { positionTag: string | null; stopLoss: Decimal | null; takeProfit: Decimal | null };

/** Signed open quantity per position tag (positive long). */
export function holdingsOf(book: BotBook): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const [tag, p] of book.ledger) if (!p.closed) out.set(tag, p.side === 'BUY' ? p.quantity : p.quantity.neg());
  return out;
}

export function recordFill(writes: WriteSet, book: BotBook, fill: FillRecord, now: Date): void {
  const { bot } = book;
  const notional = fill.price.mul(fill.quantity);
  book.cash = fill.side === 'buy' ? book.cash.sub(notional).sub(fill.fee) : book.cash.add(notional).sub(fill.fee);
  const effect = applyFill(book.ledger, fill);
  const position = effect.position;
  if (position.id === null) {
    position.id = createId();
    const guard = book.guards.get(position.tag);
    position.stopLoss = guard?.stopLoss ?? null;
    position.takeProfit = guard?.takeProfit ?? null;
    writes.positionsNew.push({
      id: position.id, botId: bot.id, userId: bot.userId, symbol: book.pair.symbol, side: position.side, quantity: position.quantity,
      entryPrice: position.entryPrice, currentPrice: fill.price, stopLoss: position.stopLoss, takeProfit: position.takeProfit, status: 'open',
      exchange: bot.exchange, orderType: fill.orderType === 'market' ? 'market' : 'limit', fee: ZERO, entryTime: new Date(fill.time),
      isPaperTrade: bot.paperTrading, signalPrice: fill.intendedPrice ?? null, tag: position.tag, exchangeOrderId: fill.exchangeOrderId ?? null,
      createdAt: now, updatedAt: now,
    });
  }
  book.changed.add(position.tag);
  if (effect.closedNow) book.closed.push(position);
  writes.trades.push({
    id: createId(), userId: bot.userId, botId: bot.id, exchangeId: book.pair.exchangeId, pairId: book.pair.id, positionId: position.id,
    orderId: fill.orderId, symbol: book.pair.symbol.replace('/', ''), side: fill.side === 'buy' ? 'BUY' : 'SELL',
    type: fill.orderType === 'market' ? 'MARKET' : 'LIMIT', price: fill.intendedPrice ?? fill.price, quantity: fill.quantity, executedPrice: fill.price,
    fee: fill.fee, feeCurrency: book.pair.quote, total: notional, profitLoss: effect.realized, balance: book.cash, isPaperTrade: bot.paperTrading,
    executedAt: new Date(fill.time), exchangeOrderId: fill.exchangeOrderId ?? null, exchangeTradeId: fill.exchangeTradeId,
  });
}

/** Mark every position of the book to market and write the changes; returns the closed ones. */
export function finishBotBook(writes: WriteSet, book: BotBook, mark: Decimal): LedgerPosition[] {
  for (const [tag, p] of book.ledger) {
    if (!book.changed.has(tag) && !book.rows.has(tag)) continue;
    const guard = book.guards.get(tag);
    const open = !p.closed;
    const upnl = open ? unrealized(p, mark) : ZERO;
    writes.positionUpdates.push({
      id: p.id!, quantity: open ? p.quantity : p.openedQuantity, entryPrice: p.entryPrice, currentPrice: mark, unrealizedPnl: upnl,
      unrealizedPnlPercent: open && !p.entryPrice.isZero() && !p.quantity.isZero() ? upnl.div(p.entryPrice.mul(p.quantity)).mul(100) : ZERO,
      fee: p.fees, stopLoss: guard?.stopLoss ?? p.stopLoss, takeProfit: guard?.takeProfit ?? p.takeProfit, status: open ? 'open' : 'closed',
      exitPrice: open ? null : averageExit(p), profitLoss: open ? null : netPnl(p), profitLossPercent: open ? null : pnlPercent(p),
      closeReason: p.closeReason, closedAt: p.closedAt !== null ? new Date(p.closedAt) : null,
      holdingSeconds: p.closedAt !== null ? (p.closedAt - p.entryTime) / 1000 : null, metadata: ledgerMetadata(p, book.rows.get(tag)),
    });
  }
  return book.closed;
}

/** The bot's counters after closing round trips (seed 002's columns). */
export function countersAfter(bot: BotRow, closed: LedgerPosition[]) {
  let profit = bot.profit;
  let wins = bot.winningTrades;
  let losses = bot.losingTrades;
  for (const p of closed) {
    const pnl = netPnl(p);
    profit = profit.add(pnl);
    if (pnl.gt(0)) wins++;
    else losses++;
  }
  return { totalTrades: bot.totalTrades + closed.length, winningTrades: wins, losingTrades: losses, profit, profitPercentage: bot.initialBalance.isZero() ? ZERO : profit.div(bot.initialBalance).mul(100) };
}

export function notifyFills(writes: WriteSet, bot: BotRow, fills: { side: OrderSide; quantity: Decimal; price: Decimal }[], closed: LedgerPosition[], symbol: string, now: Date): void {
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
