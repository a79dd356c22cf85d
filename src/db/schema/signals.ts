/**
 * Signal providers and their signals (000), and tenants' forex signal channels with their
 * TP1/TP2/TP3/SL lifecycle (003 forex_signals).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';
import { tenants } from './tenancy.ts';
import { bots } from './bots.ts';

export const signalProviders = pgTable(
  'signal_providers',
  {
    id: id(),
    name: text().notNull(),
    type: text().notNull(),
    url: text(),
    apiKey: text(), // encrypted
    config: jsonb().notNull().default({}),
    isActive: boolean().notNull().default(true),
    reliability: decimal().notNull().default(sql`0`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // who owns the provider: a user, a tenant, or (both null) the platform
    ownerUserId: text().references(() => users.id, { onDelete: 'set null' }),
    tenantId: text().references(() => tenants.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index().on(t.name),
    index().on(t.type),
    index().on(t.isActive),
    index().on(t.tenantId),
    oneOf('signal_providers_type_check', t.type, E.SIGNAL_PROVIDER_TYPES),
  ],
);

export const signals = pgTable(
  'signals',
  {
    id: id(),
    providerId: text().notNull().references(() => signalProviders.id, { onDelete: 'cascade' }),
    symbol: text().notNull(),
    action: text().notNull(),
    price: decimal(),
    stopLoss: decimal(),
    takeProfit: decimal(),
    confidence: decimal(),
    reason: text(),
    metadata: jsonb(),
    processed: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.providerId),
    index().on(t.symbol),
    index().on(t.action),
    index().on(t.processed),
    index().on(t.createdAt),
    index().on(t.processed, t.createdAt),
    oneOf('signals_action_check', t.action, E.SIGNAL_ACTIONS),
  ],
);

export const forexSignals = pgTable(
  'forex_signals',
  {
    id: id(),
    tenantId: text().notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    symbol: text().notNull().default('XAU/USD'), // the seed's channels trade one instrument; we name it
    direction: text().notNull(),
    timeframe: text().notNull().default('1h'),
    entryPrice: decimal().notNull(),
    stopLoss: decimal().notNull(),
    takeProfit1: decimal('take_profit_1'),
    takeProfit2: decimal('take_profit_2'),
    takeProfit3: decimal('take_profit_3'),
    status: text().notNull().default('ACTIVE'),
    telegramMessageId: integer(),
    indicatorsUsed: jsonb(),
    createdAt: createdAt(),
    closedAt: tstz(),
  },
  (t) => [
    index().on(t.tenantId, t.status),
    oneOf('forex_signals_direction_check', t.direction, E.FOREX_DIRECTIONS),
    oneOf('forex_signals_timeframe_check', t.timeframe, E.FOREX_TIMEFRAMES),
    oneOf('forex_signals_status_check', t.status, E.FOREX_STATUSES),
  ],
);

/**
 * Which signal each signal bot has consumed: inserted in the tick's transaction, so every
 * signal reaches every subscribed bot exactly once, whatever the number of workers.
 */
export const botSignalDeliveries = pgTable(
  'bot_signal_deliveries',
  {
    botId: text().notNull().references(() => bots.id, { onDelete: 'cascade' }),
    signalId: text().notNull().references(() => signals.id, { onDelete: 'cascade' }),
    executionId: text().notNull(),
    deliveredAt: tstz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.signalId] }), index().on(t.signalId)],
);
