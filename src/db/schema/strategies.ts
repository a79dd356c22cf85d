/**
 * One `strategies` table (DESIGN.md): a strategy a user authored — 001's builder config,
 * components and versions; 002's code, parameters, risk level, verification — which can also
 * be listed on the marketplace (000's price, rating, downloads, listing flag). Plus the
 * indicator library and custom (Pine Script) indicators of 001, reviews and purchases of 000.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { between, createdAt, decimal, id, oneOf, updatedAt } from '../columns.ts';
import { users } from './identity.ts';

export const strategies = pgTable(
  'strategies',
  {
    id: id(),
    creatorId: text().notNull().references(() => users.id, { onDelete: 'cascade' }), // 000 creatorId, 001/002 user_id
    name: text().notNull(),
    description: text(),
    price: decimal().notNull().default(sql`0`),
    type: text().notNull().default('trading_strategy'), // 000: bot_config | trading_strategy
    strategyType: text().notNull().default('custom'), // 002: custom | ai_generated | marketplace
    category: text(),
    config: jsonb().notNull().default({}),
    performance: jsonb(),
    rating: decimal().notNull().default(sql`0`),
    downloads: integer().notNull().default(0),
    active: boolean().notNull().default(true), // 000: listed on the marketplace
    isAiGenerated: boolean().notNull().default(false), // 001
    isPublic: boolean().notNull().default(false), // 001, 002
    marketType: text(), // 001
    timeframe: text(), // 001
    content: text(), // 002: strategy code
    parameters: jsonb().notNull().default({}),
    isVerified: boolean().notNull().default(false),
    backtestResults: jsonb(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    riskLevel: text(),
    currentVersion: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('idx_strategies_user_id').on(t.creatorId),
    index().on(t.category),
    index().on(t.rating),
    index('idx_strategies_marketplace')
      .on(t.isPublic, t.strategyType, t.isVerified)
      .where(sql`${t.isPublic} = true AND ${t.strategyType} = 'marketplace'`),
    oneOf('strategies_type_check', t.type, E.STRATEGY_TYPES),
    oneOf('strategies_strategy_type_check', t.strategyType, E.STRATEGY_KINDS),
    oneOf('strategies_market_type_check', t.marketType, E.MARKET_TYPES),
    oneOf('strategies_timeframe_check', t.timeframe, E.STRATEGY_TIMEFRAMES),
    oneOf('strategies_risk_level_check', t.riskLevel, E.RISK_LEVELS),
  ],
);

export const strategyVersions = pgTable(
  'strategy_versions',
  {
    id: id(),
    strategyId: text().notNull().references(() => strategies.id, { onDelete: 'cascade' }),
    versionNumber: integer().notNull(),
    createdAt: createdAt(),
    config: jsonb().notNull(),
    notes: text(),
  },
  (t) => [unique().on(t.strategyId, t.versionNumber), index('idx_strategy_versions_strategy_id').on(t.strategyId)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    name: text().notNull(),
    description: text(),
    category: text().notNull(),
    type: text().notNull(),
    parameters: jsonb().notNull().default({}),
    defaults: jsonb().notNull().default({}),
    createdAt: createdAt(),
    // 001 has no ON DELETE rule (NO ACTION), which would block deleting a user; set null keeps the row.
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    isCustom: boolean().notNull().default(false),
    isPublic: boolean().notNull().default(true),
    accuracyRating: decimal(),
  },
  (t) => [index('idx_indicators_type_category').on(t.type, t.category), oneOf('indicators_type_check', t.type, E.COMPONENT_TYPES)],
);

export const customIndicators = pgTable(
  'custom_indicators',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text(),
    category: text().notNull(),
    type: text().notNull(),
    parameters: jsonb().notNull().default({}),
    pineScript: text().notNull(),
    isPublic: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.userId), oneOf('custom_indicators_type_check', t.type, E.COMPONENT_TYPES)],
);

export const strategyComponents = pgTable(
  'strategy_components',
  {
    id: id(),
    strategyId: text().notNull().references(() => strategies.id, { onDelete: 'cascade' }),
    indicatorId: text(), // either indicators.id or custom_indicators.id (is_custom says which)
    isCustom: boolean().notNull().default(false),
    componentType: text().notNull(),
    parameters: jsonb().notNull().default({}),
    position: integer().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('idx_strategy_components_strategy_id').on(t.strategyId),
    oneOf('strategy_components_component_type_check', t.componentType, E.COMPONENT_TYPES),
  ],
);

export const strategyReviews = pgTable(
  'strategy_reviews',
  {
    id: id(),
    strategyId: text().notNull().references(() => strategies.id, { onDelete: 'cascade' }),
    userId: text().notNull(), // no FK in the seed
    rating: integer().notNull(),
    comment: text(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.strategyId, t.userId), index().on(t.strategyId), between('strategy_reviews_rating_check', t.rating, 1, 5)],
);

export const strategyPurchases = pgTable(
  'strategy_purchases',
  {
    id: id(),
    userId: text().notNull(), // no FK in the seed
    strategyId: text().notNull().references(() => strategies.id, { onDelete: 'cascade' }),
    price: decimal().notNull(),
    status: text().notNull().default('completed'),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.userId, t.strategyId),
    index().on(t.userId),
    index().on(t.strategyId),
    oneOf('strategy_purchases_status_check', t.status, E.PURCHASE_STATUSES),
  ],
);
