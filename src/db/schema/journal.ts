/**
 * The trading audit journal (seed 004): trading rules, self-reported trades under AI audit
 * (`journal_trades`, 004's `trades` — a different thing from executed fills), per-rule
 * verdicts, daily tracking, broker sync, strategy analyses and the journal's chat transcript.
 */
import { sql, type SQL } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, unique, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';

const userRef = () => text().notNull().references(() => users.id, { onDelete: 'cascade' });

export const tradingRules = pgTable(
  'trading_rules',
  {
    id: id(),
    userId: userRef(),
    ruleText: text().notNull(),
    category: text().notNull().default('entry'),
    isActive: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    version: integer().notNull().default(1),
    previousVersionId: text().references((): AnyPgColumn => tradingRules.id, { onDelete: 'set null' }),
    qualityGrade: text(),
    winRate: decimal(),
    avgPnl: decimal(),
    sampleCount: integer().notNull().default(0),
    lastGradedAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.userId), oneOf('trading_rules_category_check', t.category, E.RULE_CATEGORIES)],
);

export const dailyTracking = pgTable(
  'daily_tracking',
  {
    id: id(),
    userId: userRef(),
    tradeDate: date({ mode: 'string' }).notNull(),
    startingBalance: decimal(),
    endingBalance: decimal(),
    dailyPnl: decimal(),
    maxEquityHigh: decimal(),
    tradesTaken: integer().notNull().default(0),
    dailyLossUsed: decimal(),
    drawdownUsed: decimal(),
    complianceScore: decimal(),
    dayStatus: text().notNull().default('trading'),
  },
  (t) => [
    unique().on(t.userId, t.tradeDate),
    index('idx_daily_tracking_user_date').on(t.userId, t.tradeDate.desc()),
    oneOf('daily_tracking_day_status_check', t.dayStatus, E.DAY_STATUSES),
  ],
);

export const brokerConnections = pgTable(
  'broker_connections',
  {
    id: id(),
    userId: userRef(),
    brokerType: text().notNull(),
    authType: text().notNull(),
    displayName: text(),
    encryptedCredentials: text(),
    status: text().notNull().default('pending'),
    errorMessage: text(),
    consecutiveErrors: integer().notNull().default(0),
    lastSyncAt: tstz(),
    syncIntervalMinutes: integer().notNull().default(15),
    tradesSyncedTotal: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.userId, t.brokerType, t.displayName),
    index('idx_broker_connections_user').on(t.userId),
    index('idx_broker_connections_sync').on(t.status, t.lastSyncAt).where(sql`${t.status} = 'active'`),
    oneOf('broker_connections_broker_type_check', t.brokerType, E.BROKER_TYPES),
    oneOf('broker_connections_auth_type_check', t.authType, E.BROKER_AUTH_TYPES),
    oneOf('broker_connections_status_check', t.status, E.BROKER_STATUSES),
  ],
);

export const syncLogs = pgTable(
  'sync_logs',
  {
    id: id(),
    connectionId: text().notNull().references(() => brokerConnections.id, { onDelete: 'cascade' }),
    startedAt: tstz().notNull().defaultNow(),
    completedAt: tstz(),
    status: text().notNull().default('running'),
    tradesFetched: integer().notNull().default(0),
    tradesNew: integer().notNull().default(0),
    tradesDuplicate: integer().notNull().default(0),
    errorMessage: text(),
    durationMs: integer(),
  },
  (t) => [index('idx_sync_logs_connection').on(t.connectionId, t.startedAt.desc()), oneOf('sync_logs_status_check', t.status, E.SYNC_STATUSES)],
);

/** 004 `trades`, renamed: self-reported round trips under audit. */
export const journalTrades = pgTable(
  'journal_trades',
  {
    id: id(),
    userId: userRef(),
    dailyTrackingId: text().references(() => dailyTracking.id, { onDelete: 'set null' }),
    symbol: text(),
    direction: text(),
    entryPrice: decimal(),
    exitPrice: decimal(),
    entryTime: tstz(),
    exitTime: tstz(),
    positionSize: decimal(),
    stopLoss: decimal(),
    takeProfit: decimal(),
    pnl: decimal(),
    commissions: decimal(),
    screenshotUrl: text(),
    screenshotQuality: text(),
    auditStatus: text().notNull().default('pending'),
    auditResult: jsonb(),
    auditProvider: text(),
    complianceScore: decimal(),
    rulesFollowed: integer(),
    rulesViolated: integer(),
    rulesUnclear: integer(),
    hasOverrides: boolean().notNull().default(false),
    sourceType: text().notNull().default('csv_import'),
    sourceConnectionId: text().references(() => brokerConnections.id, { onDelete: 'set null' }),
    externalId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_journal_trades_user_created').on(t.userId, t.createdAt.desc()),
    uniqueIndex('idx_journal_trades_external_dedup')
      .on(t.userId, t.sourceConnectionId, t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    oneOf('journal_trades_direction_check', t.direction, E.JOURNAL_DIRECTIONS),
    oneOf('journal_trades_audit_status_check', t.auditStatus, E.AUDIT_STATUSES),
    oneOf('journal_trades_source_type_check', t.sourceType, E.TRADE_SOURCE_TYPES),
  ],
);

export const tradeRuleVerdicts = pgTable(
  'trade_rule_verdicts',
  {
    id: id(),
    tradeId: text().notNull().references(() => journalTrades.id, { onDelete: 'cascade' }),
    ruleId: text().notNull().references(() => tradingRules.id, { onDelete: 'cascade' }),
    verdict: text(),
    evidence: text(),
    severity: text().notNull().default('minor'),
    aiConfidence: integer(),
    isOverridden: boolean().notNull().default(false),
    originalVerdict: text(),
    overrideReason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_trade_rule_verdicts_trade').on(t.tradeId),
    oneOf('trade_rule_verdicts_verdict_check', t.verdict, E.VERDICTS),
    oneOf('trade_rule_verdicts_severity_check', t.severity, E.VERDICT_SEVERITIES),
    check('trade_rule_verdicts_ai_confidence_check', sql`${t.aiConfidence} between 1 and 5`),
  ],
);

export const strategyAnalyses = pgTable(
  'strategy_analyses',
  {
    id: id(),
    userId: text().references(() => users.id, { onDelete: 'cascade' }),
    screenshotUrl: text(),
    userDescription: text(),
    extractedRules: jsonb(),
    overallBacktestability: decimal(),
    pineScript: text(),
    pineScriptVersion: integer().notNull().default(1),
    backtestImported: boolean().notNull().default(false),
    backtestResults: jsonb(),
    fitnessAnalysis: jsonb(),
    // the seed gives no ON DELETE rule; set null keeps a child iteration when its parent goes
    parentAnalysisId: text().references((): AnyPgColumn => strategyAnalyses.id, { onDelete: 'set null' }),
    iterationNumber: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.userId)],
);

export const journalMessages = pgTable(
  'journal_messages',
  {
    id: id(),
    userId: userRef(),
    platform: text().notNull(),
    direction: text().notNull(),
    contentType: text().notNull().default('text'),
    contentPreview: text(),
    tradeId: text().references(() => journalTrades.id, { onDelete: 'set null' }),
    metadata: jsonb().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_journal_messages_user').on(t.userId, t.createdAt.desc()),
    index('idx_journal_messages_trade').on(t.tradeId).where(sql`${t.tradeId} IS NOT NULL` as SQL),
    oneOf('journal_messages_platform_check', t.platform, E.CHAT_PLATFORMS),
    oneOf('journal_messages_direction_check', t.direction, E.MESSAGE_DIRECTIONS),
    oneOf('journal_messages_content_type_check', t.contentType, E.MESSAGE_CONTENT_TYPES),
  ],
);
