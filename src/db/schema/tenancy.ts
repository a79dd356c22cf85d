/**
 * PromoStack tenancy (seed 003): tenants with their own Telegram bots, their admins, their
 * chat contacts and per-tenant settings. Every tenant-scoped row carries tenant_id and every
 * query filters by it. Serial ids of the seed become CUID2 text; tenants keep slug ids.
 */
import { bigint, boolean, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';

export const tenants = pgTable('tenants', {
  id: text().primaryKey(), // slug, e.g. 'entrylab'
  name: text().notNull(),
  timezone: text().notNull().default('UTC'),
  createdAt: createdAt(),
});

const tenantRef = () => text().notNull().references(() => tenants.id, { onDelete: 'cascade' });

/** Tenant admins: 003 tenant_users (Clerk users) linked to our users. */
export const tenantUsers = pgTable(
  'tenant_users',
  {
    id: id(),
    tenantId: tenantRef(),
    userId: text().references(() => users.id, { onDelete: 'cascade' }),
    clerkUserId: text(),
    email: text(),
    role: text().notNull().default('member'),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.tenantId, t.userId), index().on(t.userId), oneOf('tenant_users_role_check', t.role, E.TENANT_ROLES)],
);

export const tenantBotConnections = pgTable(
  'tenant_bot_connections',
  {
    id: id(),
    tenantId: tenantRef(),
    botRole: text().notNull(),
    // 003 bot_token, stored AES-256-GCM encrypted (never in clear, never returned to a page).
    botTokenEncrypted: text().notNull(),
    botUsername: text(),
    channelId: text(),
    webhookSecret: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique().on(t.tenantId, t.botRole), oneOf('tenant_bot_connections_bot_role_check', t.botRole, E.TENANT_BOT_ROLES)],
);

/** A tenant's chat contact (not necessarily a Tradewire user). */
export const botUsers = pgTable(
  'bot_users',
  {
    id: id(),
    tenantId: tenantRef(),
    chatId: bigint({ mode: 'number' }).notNull(),
    username: text(),
    firstName: text(),
    lastName: text(),
    lastCouponCode: text(),
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    blockedAt: tstz(), // the contact blocked the bot: skipped by broadcasts
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique().on(t.tenantId, t.chatId), index().on(t.userId)],
);

export const botUsage = pgTable(
  'bot_usage',
  {
    id: id(),
    tenantId: tenantRef(),
    chatId: bigint({ mode: 'number' }).notNull(),
    templateSlug: text(),
    couponCode: text(),
    success: boolean().notNull().default(true),
    errorType: text(),
    deviceType: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.tenantId, t.createdAt), oneOf('bot_usage_device_type_check', t.deviceType, E.DEVICE_TYPES)],
);

export const forexConfig = pgTable(
  'forex_config',
  {
    id: id(),
    tenantId: tenantRef(),
    settingKey: text().notNull(),
    settingValue: text(),
  },
  (t) => [unique().on(t.tenantId, t.settingKey)],
);

/** Named only in seed 003's constraints: per-tenant bot settings, same shape as forex_config. */
export const botConfig = pgTable(
  'bot_config',
  {
    id: id(),
    tenantId: tenantRef(),
    settingKey: text().notNull(),
    settingValue: text(),
  },
  (t) => [unique().on(t.tenantId, t.settingKey)],
);
