/**
 * Bots (000 Bot + 002 bots: balances and stat counters), their decision records, performance
 * snapshots, backtests (000 backtests + 002 backtest_results), candle cache, arbitrage
 * executions, pump detections, templates, analytics and the operational log (002 logs).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';
import { strategies } from './strategies.ts';
import { exchangeConnections } from './exchange.ts';

export const botTemplates = pgTable(
  'bot_templates',
  {
    id: id(),
    userId: text().references(() => users.id, { onDelete: 'cascade' }), // null = system template
    name: text().notNull(),
    description: text().notNull(),
    category: text().notNull(),
    type: text(),
    complexity: text().notNull(),
    visibility: text().notNull().default('private'),
    config: jsonb().notNull(),
    defaultSettings: jsonb(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    usageCount: integer().notNull().default(0),
    featured: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.category),
    index().on(t.complexity),
    index().on(t.featured),
    index().on(t.userId),
    index().on(t.visibility),
    oneOf('bot_templates_category_check', t.category, E.TEMPLATE_CATEGORIES),
    oneOf('bot_templates_type_check', t.type, E.BOT_TYPES),
    oneOf('bot_templates_complexity_check', t.complexity, E.COMPLEXITIES),
    oneOf('bot_templates_visibility_check', t.visibility, E.VISIBILITIES),
  ],
);

export const bots = pgTable(
  'bots',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text(),
    type: text().notNull().default('ai'),
    // 000 statuses; 002's running/stopped map to active/inactive (docs/schema-map.md).
    status: text().notNull().default('inactive'),
    config: jsonb().notNull().default({}),
    riskSettings: jsonb().notNull().default({}),
    paperTrading: boolean().notNull().default(true), // 000 paperTrading + 002 is_paper_trade
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: tstz(),
    stoppedAt: tstz(),
    lastExecutionAt: tstz(),
    // 002 bots
    exchange: text().notNull().default('binance'),
    tradingPair: text(), // 'BTC/USDT'
    timeframe: text().default('1m'),
    strategy: text(), // 002 strategy name
    strategyId: text().references(() => strategies.id, { onDelete: 'set null' }),
    initialBalance: decimal().notNull().default(sql`0`),
    currentBalance: decimal().notNull().default(sql`0`),
    totalTrades: integer().notNull().default(0),
    winningTrades: integer().notNull().default(0),
    losingTrades: integer().notNull().default(0),
    profit: decimal().notNull().default(sql`0`),
    profitPercentage: decimal().notNull().default(sql`0`),
    maxOpenTrades: integer().notNull().default(1),
    stakeAmount: decimal(),
    stopLoss: decimal(), // percent
    takeProfit: decimal(), // percent
    riskPercentage: decimal().default(sql`2.0`),
    lastTradeAt: tstz(),
    errorMessage: text(),
    metadata: jsonb().notNull().default({}),
    // runtime additions
    engineState: jsonb().notNull().default({}),
    /** Open time of the last closed candle the runner played through the paper book. */
    lastCandleAt: tstz(),
    consecutiveFailures: integer().notNull().default(0),
    exchangeConnectionId: text().references(() => exchangeConnections.id, { onDelete: 'set null' }),
    templateId: text().references(() => botTemplates.id, { onDelete: 'set null' }),
  },
  (t) => [
    unique('bots_user_id_name_key').on(t.userId, t.name),
    index('idx_bots_user_id').on(t.userId),
    index().on(t.type),
    index('idx_bots_status').on(t.status),
    index('idx_bots_exchange').on(t.exchange),
    index().on(t.userId, t.status),
    index().on(t.status, t.lastExecutionAt),
    index().on(t.userId, t.type, t.status),
    oneOf('bots_type_check', t.type, E.BOT_TYPES),
    oneOf('bots_status_check', t.status, E.BOT_STATUSES),
    oneOf('bots_exchange_check', t.exchange, E.BOT_EXCHANGES),
    oneOf('bots_timeframe_check', t.timeframe, E.TIMEFRAMES),
  ],
);

export const executions = pgTable(
  'executions',
  {
    id: id(),
    botId: text().notNull().references(() => bots.id, { onDelete: 'cascade' }),
    executionId: text().notNull().unique(),
    signal: text().notNull(),
    confidence: decimal().notNull(),
    reason: text().notNull(),
    price: decimal().notNull(),
    indicators: jsonb().notNull().default({}),
    status: text().notNull(),
    error: text(),
    timestamp: tstz().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.botId),
    index().on(t.timestamp),
    index().on(t.signal),
    oneOf('executions_signal_check', t.signal, E.EXECUTION_SIGNALS),
    oneOf('executions_status_check', t.status, E.EXECUTION_STATUSES),
  ],
);

export const performanceSnapshots = pgTable(
  'performance_snapshots',
  {
    id: id(),
    botId: text().notNull().references(() => bots.id, { onDelete: 'cascade' }),
    timestamp: tstz().notNull().defaultNow(),
    metrics: jsonb().notNull().default({}),
    riskScore: decimal().notNull(),
    rating: text().notNull(),
    totalTrades: integer().notNull(),
    winRate: decimal().notNull(),
    totalReturn: decimal().notNull(),
    totalReturnPercent: decimal().notNull(),
    maxDrawdownPercent: decimal().notNull(),
    sharpeRatio: decimal().notNull(),
    profitFactor: decimal().notNull(),
  },
  (t) => [
    index().on(t.botId),
    index().on(t.timestamp),
    index().on(t.botId, t.timestamp.desc()),
    oneOf('performance_snapshots_rating_check', t.rating, E.RATINGS),
  ],
);

/**
 * 000 backtests (config + result documents) and 002 backtest_results (one column per metric),
 * for a bot or a strategy. 002's NOT NULL metric columns are nullable here because a
 * backtest row exists while it runs, before its metrics do.
 */
export const backtests = pgTable(
  'backtests',
  {
    id: id(),
    botId: text().references(() => bots.id, { onDelete: 'cascade' }),
    strategyId: text().references(() => strategies.id, { onDelete: 'cascade' }),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    config: jsonb().notNull().default({}),
    result: jsonb(),
    executionTime: integer(), // ms
    createdAt: createdAt(),
    tradingPair: text(),
    timeframe: text(),
    startDate: tstz(),
    endDate: tstz(),
    initialBalance: decimal(),
    finalBalance: decimal(),
    totalReturn: decimal(),
    totalReturnPercentage: decimal(),
    maxDrawdown: decimal(), // percent
    sharpeRatio: decimal(),
    sortinoRatio: decimal(),
    winRate: decimal(),
    profitFactor: decimal(),
    totalTrades: integer(),
    winningTrades: integer(),
    losingTrades: integer(),
    bestTrade: decimal(),
    worstTrade: decimal(),
    avgTrade: decimal(),
    maxConsecutiveWins: integer().default(0),
    maxConsecutiveLosses: integer().default(0),
    calmarRatio: decimal(),
    metadata: jsonb().notNull().default({}),
  },
  (t) => [index().on(t.botId), index().on(t.strategyId), index().on(t.userId), index().on(t.createdAt)],
);

export const historicalDatasets = pgTable(
  'historical_datasets',
  {
    id: id(),
    symbol: text().notNull(),
    timeframe: text().notNull(),
    startDate: tstz().notNull(),
    endDate: tstz().notNull(),
    candleCount: integer().notNull(),
    candles: jsonb().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.symbol, t.timeframe, t.startDate, t.endDate),
    index().on(t.symbol),
    index().on(t.timeframe),
    index().on(t.updatedAt),
  ],
);

/** Arbitrage engine runs. bot_id is a plain string (no FK) in the seed. */
export const botExecutions = pgTable(
  'bot_executions',
  {
    id: id(),
    botId: text().notNull(),
    status: text().notNull(),
    logs: jsonb(),
    profitLoss: decimal(),
    tradesCount: integer().notNull().default(0),
    startedAt: tstz().notNull().defaultNow(),
    endedAt: tstz(),
  },
  (t) => [index().on(t.botId), index().on(t.startedAt), oneOf('bot_executions_status_check', t.status, E.BOT_EXECUTION_STATUSES)],
);

export const pumpDetections = pgTable(
  'pump_detections',
  {
    id: id(),
    botId: text().notNull().references(() => bots.id, { onDelete: 'cascade' }),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    symbol: text().notNull(),
    priceChange: decimal().notNull(),
    volumeChange: decimal().notNull(),
    currentPrice: decimal().notNull(),
    marketCap: decimal(),
    volume24h: decimal(),
    socialMentions: integer().notNull().default(0),
    confidence: text().notNull(),
    detectedAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.botId),
    index().on(t.detectedAt),
    index().on(t.symbol),
    oneOf('pump_detections_confidence_check', t.confidence, E.CONFIDENCE_LEVELS),
  ],
);

export const templateDeployments = pgTable(
  'template_deployments',
  {
    id: id(),
    templateId: text().notNull().references(() => botTemplates.id, { onDelete: 'cascade' }),
    userId: text().notNull(), // no FK in the seed
    botId: text(), // no FK in the seed
    customization: jsonb().notNull().default({}),
    deployedAt: tstz().notNull().defaultNow(),
  },
  (t) => [index().on(t.templateId), index().on(t.userId)],
);

export const analytics = pgTable(
  'analytics',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    period: text().notNull(),
    data: jsonb().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.type),
    index().on(t.period),
    index().on(t.createdAt),
    index().on(t.userId, t.type, t.period),
    oneOf('analytics_type_check', t.type, E.ANALYTICS_TYPES),
    oneOf('analytics_period_check', t.period, E.ANALYTICS_PERIODS),
  ],
);

/** 002 logs: the operational log of bots, the runner and the AI engine. */
export const logs = pgTable(
  'logs',
  {
    id: id(),
    userId: text().references(() => users.id, { onDelete: 'cascade' }),
    botId: text().references(() => bots.id, { onDelete: 'cascade' }),
    strategyId: text().references(() => strategies.id, { onDelete: 'cascade' }),
    logLevel: text().notNull(),
    message: text().notNull(),
    context: jsonb().notNull().default({}),
    source: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.botId, t.createdAt), index().on(t.userId, t.createdAt), oneOf('logs_log_level_check', t.logLevel, E.LOG_LEVELS)],
);
