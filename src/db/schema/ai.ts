/** Users' own LLM keys (001 api_keys, renamed for clarity) and AI analyses (002). */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';
import { bots } from './bots.ts';
import { strategies } from './strategies.ts';

/** 001 api_keys: LLM provider keys (bring your own key), AES-256-GCM encrypted. */
export const llmApiKeys = pgTable(
  'llm_api_keys',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    provider: text().notNull(),
    keyEncrypted: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastUsed: tstz(),
  },
  (t) => [unique().on(t.userId, t.provider)],
);

export const aiAnalyses = pgTable(
  'ai_analyses',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    botId: text().references(() => bots.id, { onDelete: 'cascade' }),
    strategyId: text().references(() => strategies.id, { onDelete: 'cascade' }),
    analysisType: text().notNull(),
    inputData: jsonb().notNull(),
    results: jsonb().notNull(),
    recommendations: text().array(),
    confidenceScore: decimal().default(sql`0`),
    modelUsed: text(),
    tokensUsed: integer().default(0),
    processingTimeMs: integer(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId), index().on(t.botId), oneOf('ai_analyses_analysis_type_check', t.analysisType, E.AI_ANALYSIS_TYPES)],
);
