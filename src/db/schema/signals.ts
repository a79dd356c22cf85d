/**
 * Signal providers and their signals (000), and tenants' forex signal channels with their
 * TP1/TP2/TP3/SL lifecycle (003 forex_signals).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
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

/**
 * Every webhook request that reached a provider and passed authentication is a row: accepted
 * (symbol, action and the normalized signal filled in, processed=false until the signal bots
 * consume it) or rejected (reject_reason says why; processed=true, nothing to consume).
 */
export const signals = pgTable(
  'signals',
  {
    id: id(),
    providerId: text().notNull().references(() => signalProviders.id, { onDelete: 'cascade' }),
    symbol: text(), // null only on a rejected row that named no pair
    action: text(), // null only on a rejected row
    price: decimal(),
    stopLoss: decimal(),
    takeProfit: decimal(),
    confidence: decimal(),
    reason: text(),
    metadata: jsonb(),
    processed: boolean().notNull().default(false),
    createdAt: createdAt(),
    // ingestion (issue 6)
    status: text().notNull().default('accepted'),
    kind: text().notNull().default('entry'), // a TradingView exit alert closes a position
    format: text(),
    rejectReason: text(),
    idempotencyKey: text().notNull(),
    rawBody: text().notNull(),
    /** The normalized signal (entries, targets, stop, leverage, …) with prices as strings. */
    normalized: jsonb(),
    // first of TP1 or the stop as the price followed it; feeds signal_providers.reliability
    outcome: text(),
    outcomeAt: tstz(),
  },
  (t) => [
    index().on(t.providerId),
    index().on(t.symbol),
    index().on(t.action),
    index().on(t.processed),
    index().on(t.createdAt),
    index().on(t.processed, t.createdAt),
    unique('signals_provider_idempotency_key_unique').on(t.providerId, t.idempotencyKey),
    index('signals_outcome_pending_idx').on(t.createdAt).where(sql`${t.status} = 'accepted' and ${t.kind} = 'entry' and ${t.outcome} is null`),
    oneOf('signals_action_check', t.action, E.SIGNAL_ACTIONS),
    oneOf('signals_status_check', t.status, E.SIGNAL_STATUSES),
    oneOf('signals_kind_check', t.kind, E.SIGNAL_KINDS),
    oneOf('signals_format_check', t.format, E.SIGNAL_FORMATS),
    oneOf('signals_outcome_check', t.outcome, E.SIGNAL_OUTCOMES),
    check('signals_accepted_complete_check', sql`${t.status} = 'rejected' or (${t.symbol} is not null and ${t.action} is not null)`),
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
    // channel pipeline (issue 6)
    source: text().notNull().default('strategy'),
    signalId: text().references(() => signals.id, { onDelete: 'set null' }),
    /** Makes a repeated strategy run or webhook a no-op ('strategy:XAU/USD:<bar time>'). */
    dedupeKey: text(),
    venue: text(), // where the price follower reads candles
    pipSize: decimal().notNull().default(sql`0.0001`),
    announcedEvents: integer().notNull().default(0), // lifecycle events already turned into channel messages
    resultPips: decimal(),
    resultPct: decimal(),
    lastCheckedAt: tstz(),
  },
  (t) => [
    index().on(t.tenantId, t.status),
    unique('forex_signals_tenant_dedupe_key_unique').on(t.tenantId, t.dedupeKey),
    index('forex_signals_open_idx').on(t.status).where(sql`${t.closedAt} is null`),
    oneOf('forex_signals_direction_check', t.direction, E.FOREX_DIRECTIONS),
    oneOf('forex_signals_timeframe_check', t.timeframe, E.FOREX_TIMEFRAMES),
    oneOf('forex_signals_status_check', t.status, E.FOREX_STATUSES),
    oneOf('forex_signals_source_check', t.source, E.FOREX_SIGNAL_SOURCES),
  ],
);

/**
 * The channel outbox: every post, edit, reply, recap and promo a tenant's bot makes in a
 * channel. Rows are what a person audits; a sender drains them under Telegram's per-chat
 * limits. At most one pending edit per signal: a newer state replaces the pending text
 * (coalescing), so only the latest state is sent.
 */
export const channelMessages = pgTable(
  'channel_messages',
  {
    id: id(),
    tenantId: text().notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    forexSignalId: text().references(() => forexSignals.id, { onDelete: 'cascade' }),
    botRole: text().notNull().default('signal_bot'),
    chatId: text().notNull(),
    kind: text().notNull(),
    text: text().notNull(),
    status: text().notNull().default('pending'),
    dedupeKey: text(),
    attempts: integer().notNull().default(0),
    error: text(),
    telegramMessageId: integer(),
    createdAt: createdAt(),
    claimedAt: tstz(),
    sentAt: tstz(),
  },
  (t) => [
    index('channel_messages_pending_idx').on(t.status, t.createdAt),
    index().on(t.tenantId, t.createdAt),
    unique('channel_messages_tenant_dedupe_key_unique').on(t.tenantId, t.dedupeKey),
    uniqueIndex('channel_messages_one_pending_edit').on(t.forexSignalId).where(sql`${t.kind} = 'edit' and ${t.status} = 'pending'`),
    oneOf('channel_messages_kind_check', t.kind, E.CHANNEL_MESSAGE_KINDS),
    oneOf('channel_messages_status_check', t.status, E.OUTBOX_STATUSES),
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
