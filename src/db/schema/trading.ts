/**
 * Orders, executed fills (`trades`) and round trips (`positions`). 002's bot trades are round
 * trips: their columns join `positions`, and their exchange order/trade ids also join `trades`.
 * 004's self-reported trades live in journal.ts as `journal_trades`.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, interval, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';
import { bots } from './bots.ts';
import { exchanges, tradingPairs } from './exchange.ts';

export const positions = pgTable(
  'positions',
  {
    id: id(),
    botId: text().notNull().references(() => bots.id, { onDelete: 'cascade' }),
    userId: text().references(() => users.id, { onDelete: 'cascade' }), // 002; the owner on every hot row
    symbol: text().notNull(),
    side: text().notNull().default('BUY'),
    quantity: decimal().notNull(), // 002 amount
    entryPrice: decimal().notNull(), // 002 price
    currentPrice: decimal().notNull(),
    stopLoss: decimal(), // 002 stop_loss_price; nullable: a grid level has none
    takeProfit: decimal(), // 002 take_profit_price
    unrealizedPnl: decimal().notNull().default(sql`0`),
    unrealizedPnlPercent: decimal().notNull().default(sql`0`),
    status: text().notNull().default('open'),
    exitPrice: decimal(),
    profitLoss: decimal(), // 002 profit
    profitLossPercent: decimal(), // 002 profit_percentage
    closeReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: tstz(), // 002 exit_time
    // 002 trades columns
    exchange: text(),
    orderType: text().notNull().default('market'),
    fee: decimal().notNull().default(sql`0`),
    entryTime: tstz().notNull().defaultNow(),
    holdingDuration: interval(),
    exchangeOrderId: text(),
    exchangeTradeId: text(),
    isPaperTrade: boolean().notNull().default(true),
    signalPrice: decimal(),
    metadata: jsonb().notNull().default({}),
    // the engine's round-trip tag (a DCA deal, a grid level, a signal trade)
    tag: text(),
  },
  (t) => [
    index().on(t.botId),
    index().on(t.status),
    index().on(t.symbol),
    index().on(t.botId, t.status),
    index('idx_positions_entry_time').on(t.entryTime),
    index('idx_positions_user_date').on(t.userId, t.entryTime),
    uniqueIndex('positions_bot_id_tag_open_key').on(t.botId, t.tag).where(sql`${t.status} = 'open' AND ${t.tag} IS NOT NULL`),
    oneOf('positions_side_check', t.side, E.TRADE_SIDES),
    oneOf('positions_status_check', t.status, E.POSITION_STATUSES),
    oneOf('positions_close_reason_check', t.closeReason, E.CLOSE_REASONS),
    oneOf('positions_order_type_check', t.orderType, E.POSITION_ORDER_TYPES),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    botId: text().references(() => bots.id, { onDelete: 'set null' }),
    exchangeId: text().notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    pairId: text().notNull().references(() => tradingPairs.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    side: text().notNull(),
    price: decimal(),
    quantity: decimal().notNull(),
    filled: decimal().notNull().default(sql`0`),
    status: text().notNull().default('pending'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    filledAt: tstz(),
    // exactly-once: recorded before it is sent, passed to the venue as client order id
    clientOrderId: text().unique(),
    exchangeOrderId: text(),
    averagePrice: decimal(),
    fee: decimal().notNull().default(sql`0`),
    positionId: text().references(() => positions.id, { onDelete: 'set null' }),
    tag: text(),
    executionId: text(),
    errorMessage: text(),
    // the engine intent behind the order, so a resting paper order can be rebuilt each tick
    positionTag: text(),
    effect: text(),
    closeReason: text(),
    // the stop and target the engine attached to an opening order: they become the position's
    // levels (and the runner's guard) when a resting order fills on a later tick
    stopLoss: decimal(),
    takeProfit: decimal(),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.botId),
    index().on(t.status),
    index().on(t.createdAt),
    oneOf('orders_type_check', t.type, E.ORDER_TYPES),
    oneOf('orders_side_check', t.side, E.ORDER_SIDES),
    oneOf('orders_status_check', t.status, E.ORDER_STATUSES),
    oneOf('orders_effect_check', t.effect, E.ORDER_EFFECTS),
    oneOf('orders_close_reason_check', t.closeReason, E.CLOSE_REASONS),
    index('orders_bot_id_status_index').on(t.botId, t.status),
  ],
);

export const trades = pgTable(
  'trades',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    botId: text().references(() => bots.id, { onDelete: 'set null' }), // trades outlive their bot
    exchangeId: text().references(() => exchanges.id, { onDelete: 'cascade' }),
    pairId: text().references(() => tradingPairs.id, { onDelete: 'cascade' }),
    // set null (not cascade): deleting a bot cascades to its positions, and its trades must survive.
    positionId: text().references(() => positions.id, { onDelete: 'set null' }),
    orderId: text().references(() => orders.id, { onDelete: 'set null' }),
    symbol: text().notNull(),
    side: text().notNull(),
    type: text().notNull().default('MARKET'),
    price: decimal().notNull(),
    quantity: decimal().notNull(),
    executedPrice: decimal().notNull(),
    fee: decimal().notNull().default(sql`0`),
    feeCurrency: text().notNull().default('USDT'),
    total: decimal().notNull().default(sql`0`),
    profitLoss: decimal(),
    balance: decimal().notNull().default(sql`0`),
    status: text().notNull().default('FILLED'),
    isPaperTrade: boolean().notNull().default(true),
    executedAt: tstz().notNull().defaultNow(),
    exchangeOrderId: text(), // 002
    exchangeTradeId: text(), // 002
  },
  (t) => [
    index().on(t.userId),
    index('idx_trades_bot_id').on(t.botId),
    index().on(t.exchangeId),
    index().on(t.executedAt),
    index().on(t.symbol),
    index().on(t.profitLoss),
    index().on(t.botId, t.executedAt.desc()),
    index().on(t.userId, t.executedAt.desc()),
    index().on(t.userId, t.symbol, t.executedAt.desc()),
    index().on(t.userId, t.status, t.executedAt.desc()),
    // one trade row per fill of an order: a replayed tick cannot record a fill twice
    uniqueIndex('trades_order_id_exchange_trade_id_key').on(t.orderId, t.exchangeTradeId).where(sql`${t.exchangeTradeId} IS NOT NULL`),
    oneOf('trades_side_check', t.side, E.TRADE_SIDES),
    oneOf('trades_type_check', t.type, E.TRADE_TYPES),
  ],
);

export const portfolioHistory = pgTable(
  'portfolio_history',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    totalValue: decimal().notNull(),
    assets: jsonb().notNull().default([]),
    timestamp: tstz().notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), index().on(t.timestamp)],
);
