/**
 * Community tooling of seed 003: journeys (conversational flows), broadcasts, cross-promo and
 * campaigns. These tables hold what a person sees and audits; pg-boss only carries the work.
 */
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, time, unique } from 'drizzle-orm/pg-core';
import { botUsers, tenants } from './tenancy.ts';
import * as E from '../../shared/enums.ts';
import { createdAt, id, oneOf, tstz } from '../columns.ts';

const tenantRef = () => text().notNull().references(() => tenants.id, { onDelete: 'cascade' });

export const journeys = pgTable(
  'journeys',
  {
    id: id(),
    tenantId: tenantRef(),
    name: text().notNull(),
    description: text(),
    isActive: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.tenantId)],
);

export const journeyTriggers = pgTable(
  'journey_triggers',
  {
    id: id(),
    journeyId: text().notNull().references(() => journeys.id, { onDelete: 'cascade' }),
    triggerType: text().notNull(), // 'deep_link', 'keyword', … (open list in the seed)
    triggerConfig: jsonb().notNull().default({}),
    isActive: boolean().notNull().default(true),
  },
  (t) => [index().on(t.journeyId)],
);

export const journeySteps = pgTable(
  'journey_steps',
  {
    id: id(),
    journeyId: text().notNull().references(() => journeys.id, { onDelete: 'cascade' }),
    stepOrder: integer().notNull(),
    stepType: text().notNull(),
    config: jsonb().notNull().default({}),
  },
  (t) => [unique().on(t.journeyId, t.stepOrder), oneOf('journey_steps_step_type_check', t.stepType, E.JOURNEY_STEP_TYPES)],
);

export const journeyUserSessions = pgTable(
  'journey_user_sessions',
  {
    id: id(),
    tenantId: tenantRef(),
    journeyId: text().notNull().references(() => journeys.id, { onDelete: 'cascade' }),
    telegramChatId: bigint({ mode: 'number' }).notNull(),
    telegramUserId: bigint({ mode: 'number' }),
    currentStepId: text().references(() => journeySteps.id, { onDelete: 'set null' }),
    status: text().notNull().default('active'),
    answers: jsonb().notNull().default({}),
    startedAt: tstz().notNull().defaultNow(),
    completedAt: tstz(),
  },
  (t) => [
    index().on(t.tenantId, t.telegramChatId, t.status),
    oneOf('journey_user_sessions_status_check', t.status, E.JOURNEY_SESSION_STATUSES),
  ],
);

export const journeyScheduledMessages = pgTable(
  'journey_scheduled_messages',
  {
    id: id(),
    tenantId: tenantRef(),
    sessionId: text().notNull().references(() => journeyUserSessions.id, { onDelete: 'cascade' }),
    stepId: text().notNull().references(() => journeySteps.id, { onDelete: 'cascade' }),
    telegramChatId: bigint({ mode: 'number' }).notNull(),
    messageContent: jsonb().notNull(),
    scheduledFor: tstz().notNull(),
    sentAt: tstz(),
    status: text().notNull().default('pending'),
  },
  (t) => [
    index().on(t.status, t.scheduledFor),
    oneOf('journey_scheduled_messages_status_check', t.status, E.SCHEDULED_MESSAGE_STATUSES),
  ],
);

export const tenantCrosspromoSettings = pgTable('tenant_crosspromo_settings', {
  tenantId: text().primaryKey().references(() => tenants.id, { onDelete: 'cascade' }),
  enabled: boolean().notNull().default(false),
  botRole: text(),
  vipChannelId: text(),
  freeChannelId: text(),
  ctaUrl: text(),
  morningPostTimeUtc: time(),
  timezone: text().default('UTC'),
});

export const crosspromoJobs = pgTable(
  'crosspromo_jobs',
  {
    id: id(),
    tenantId: tenantRef(),
    jobType: text().notNull(),
    payload: jsonb().notNull().default({}),
    status: text().notNull().default('pending'),
    runAt: tstz().notNull().defaultNow(),
    claimedAt: tstz(),
    completedAt: tstz(),
    error: text(),
    createdAt: createdAt(),
    dedupeKey: text(), // 'morning_news:2026-03-02': planning the same post twice is a no-op
  },
  (t) => [
    index().on(t.status, t.runAt),
    unique('crosspromo_jobs_tenant_dedupe_key_unique').on(t.tenantId, t.dedupeKey),
    oneOf('crosspromo_jobs_job_type_check', t.jobType, E.CROSSPROMO_JOB_TYPES),
    oneOf('crosspromo_jobs_status_check', t.status, E.CROSSPROMO_JOB_STATUSES),
  ],
);

export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    tenantId: tenantRef(),
    title: text().notNull(),
    description: text(),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    prize: text(),
    status: text().notNull().default('draft'),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.tenantId), oneOf('campaigns_status_check', t.status, E.CAMPAIGN_STATUSES)],
);

export const broadcastJobs = pgTable(
  'broadcast_jobs',
  {
    id: id(),
    tenantId: tenantRef(),
    message: text().notNull(),
    status: text().notNull().default('pending'),
    createdAt: createdAt(),
    botRole: text().notNull().default('message_bot'),
    recipients: integer().notNull().default(0), // fixed when the fan-out runs
    startedAt: tstz(),
    completedAt: tstz(),
  },
  (t) => [index().on(t.tenantId, t.createdAt), oneOf('broadcast_jobs_status_check', t.status, E.BROADCAST_STATUSES)],
);

/**
 * One row per (broadcast, recipient): the outcome a person audits, and the guard that keeps a
 * broadcast from messaging anyone twice ('sending' is recorded before the HTTP call; ADR 0005).
 */
export const broadcastDeliveries = pgTable(
  'broadcast_deliveries',
  {
    id: id(),
    tenantId: tenantRef(),
    broadcastId: text().notNull().references(() => broadcastJobs.id, { onDelete: 'cascade' }),
    botUserId: text().notNull().references(() => botUsers.id, { onDelete: 'cascade' }),
    chatId: bigint({ mode: 'number' }).notNull(),
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    error: text(),
    claimedAt: tstz(),
    sentAt: tstz(),
    telegramMessageId: integer(),
  },
  (t) => [
    unique('broadcast_deliveries_broadcast_recipient_unique').on(t.broadcastId, t.botUserId),
    index().on(t.broadcastId, t.status),
    oneOf('broadcast_deliveries_status_check', t.status, E.DELIVERY_STATUSES),
  ],
);

/**
 * Send pacing shared by every worker: one row per bot token or chat. A sender takes the next
 * slot (next_at advances by the interval); a 429 pushes next_at past retry_after.
 */
export const sendRateLimits = pgTable('send_rate_limits', {
  key: text().primaryKey(), // 'bot:<connection id>', 'chat:<chat id>:edit'
  nextAt: tstz().notNull().defaultNow(),
});
