/** Lead capture and the PLG funnel of seed 004: email leads, quiz, anonymous audits, shared results. */
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz } from '../columns.ts';

export const emailLeads = pgTable('email_leads', {
  id: id(),
  email: text().notNull().unique(),
  source: text().notNull().default('quiz'),
  quizResult: jsonb(),
  createdAt: createdAt(),
  subscribed: boolean().notNull().default(true),
});

export const quizCompletions = pgTable(
  'quiz_completions',
  {
    id: id(),
    createdAt: createdAt(),
    market: text().notNull(),
    style: text().notNull(),
    budget: text().notNull(),
    priority: text().notNull(),
    trailingDdOk: text().notNull(),
    recommendedFirm: text().notNull(),
    recommendedScore: integer().notNull(),
    allScores: jsonb().notNull(),
    utmSource: text(),
    utmMedium: text(),
    utmCampaign: text(),
    referrer: text(),
  },
  (t) => [
    oneOf('quiz_completions_market_check', t.market, E.QUIZ_MARKETS),
    oneOf('quiz_completions_style_check', t.style, E.QUIZ_STYLES),
    oneOf('quiz_completions_budget_check', t.budget, E.QUIZ_BUDGETS),
    oneOf('quiz_completions_priority_check', t.priority, E.QUIZ_PRIORITIES),
    oneOf('quiz_completions_trailing_dd_ok_check', t.trailingDdOk, E.YES_NO),
  ],
);

export const anonymousAudits = pgTable(
  'anonymous_audits',
  {
    id: id(),
    ipHash: text().notNull(),
    resultHash: text().notNull().unique(),
    firmId: text().notNull(),
    auditResult: jsonb().notNull(),
    claimedBy: text(), // user id after signup (no FK in the seed)
    createdAt: createdAt(),
    expiresAt: tstz().notNull(),
  },
  (t) => [index('idx_anon_audits_ip').on(t.ipHash, t.createdAt.desc()), index('idx_anon_audits_hash').on(t.resultHash)],
);

export const sharedResults = pgTable(
  'shared_results',
  {
    id: id(),
    resultHash: text().notNull().unique(),
    strategySummary: text(),
    pnlPercent: decimal(),
    stats: jsonb(),
    ogImageUrl: text(),
    views: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('idx_shared_results_hash').on(t.resultHash)],
);
