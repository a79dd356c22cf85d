/**
 * People and their access: users (BlockbotX users + 001/002 users + 004 profiles + Clerk and
 * Supabase auth users), sessions, 2FA, login history, devices, privacy, data exports,
 * platform link codes and chat conversation state.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';

export const users = pgTable(
  'users',
  {
    id: id(),
    // Chat-first users arrive without an email or a password (DESIGN.md): both nullable,
    // email unique where present (Postgres unique allows many NULLs).
    email: text().unique(),
    password: text(),
    firstName: text(),
    lastName: text(),
    fullName: text(), // 001, 002
    avatar: text(), // 000 avatar + 002 avatar_url
    bio: text(),
    phone: text(),
    location: text(),
    website: text(),
    company: text(),
    position: text(),
    emailVerified: boolean().notNull().default(false),
    emailVerifiedAt: tstz(),
    emailVerificationToken: text(),
    emailVerificationExpiry: tstz(),
    resetPasswordToken: text(),
    resetPasswordExpiry: tstz(),
    twoFactorEnabled: boolean().notNull().default(false),
    twoFactorSecret: text(),
    twoFactorBackupCodes: text().array().notNull().default(sql`'{}'::text[]`),
    failedLoginAttempts: integer().notNull().default(0),
    lockedUntil: tstz(),
    status: text().notNull().default('active'),
    bannedAt: tstz(),
    bannedReason: text(),
    bannedBy: text(),
    suspendedUntil: tstz(),
    suspendedReason: text(),
    forcePasswordReset: boolean().notNull().default(false),
    role: text().notNull().default('user'),
    timezone: text(),
    language: text().notNull().default('en'),
    theme: text().notNull().default('light'),
    currency: text().notNull().default('USD'),
    referralCode: text().unique(),
    // 001 users
    credits: integer().notNull().default(5),
    isPremium: boolean().notNull().default(false),
    preferences: jsonb().notNull().default({}),
    lastLoginAt: tstz(), // 001 last_login + 002 last_login_at
    // 002 users
    subscriptionPlan: text().default('free'), // also 004 subscription_plan
    exchangeCredentials: jsonb(), // legacy encrypted blob; exchange_connections is the live store
    isActive: boolean().notNull().default(true),
    // 004 profiles
    stripeCustomerId: text(),
    stripeSubscriptionId: text(),
    subscriptionStatus: text().default('free'),
    subscriptionPeriodEnd: tstz(),
    trialEndsAt: tstz(),
    freeAuditsRemaining: integer().default(3),
    propFirm: text(),
    firmId: text(),
    accountSize: integer(),
    challengePhase: text(),
    dailyLossLimitPct: decimal(),
    dailyLossType: text(),
    maxDrawdownPct: decimal(),
    maxDrawdownType: text(),
    profitTargetPct: decimal(),
    maxDailyTrades: integer(),
    aiProvider: text().default('openai'),
    hasByokKey: boolean().default(false),
    currentStreakDays: integer().default(0),
    longestStreakDays: integer().default(0),
    lastAuditDate: date({ mode: 'string' }),
    onboardingComplete: boolean().default(false),
    tradingRules: text(), // legacy rules text; the trading_rules table is the structured store
    telegramChatId: text(), // the Telegram user id, which is also the id of their private chat with the bot
    discordUserId: text(),
    // Chat delivery: set when the platform says the user blocked the bot (Telegram 403, Discord
    // 50007); notifications skip that chat until the user writes to the bot again.
    telegramBlockedAt: tstz(),
    discordBlockedAt: tstz(),
    // The terminal adapter's identity (npm run chat): 'local:<os user>'.
    consoleUserId: text(),
    whatsappPhone: text(),
    gmailJournalAddress: text(),
    journalPreferences: jsonb().default({}),
    utmSourceFirst: text(),
    utmMediumFirst: text(),
    utmCampaignFirst: text(),
    utmSourceLast: text(),
    utmMediumLast: text(),
    utmCampaignLast: text(),
    // 003 clerk_users: the Clerk id, kept for imported tenant admins
    clerkUserId: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('idx_users_email').on(t.email),
    index('users_status_idx').on(t.status),
    oneOf('users_status_check', t.status, E.USER_STATUSES),
    oneOf('users_role_check', t.role, E.USER_ROLES),
    oneOf('users_theme_check', t.theme, E.THEMES),
    oneOf('users_subscription_status_check', t.subscriptionStatus, E.SUBSCRIPTION_STATUSES_004),
    uniqueIndex('users_telegram_chat_id_key').on(t.telegramChatId).where(sql`${t.telegramChatId} IS NOT NULL`),
    uniqueIndex('users_discord_user_id_key').on(t.discordUserId).where(sql`${t.discordUserId} IS NOT NULL`),
    uniqueIndex('users_whatsapp_phone_key').on(t.whatsappPhone).where(sql`${t.whatsappPhone} IS NOT NULL`),
    uniqueIndex('users_console_user_id_key').on(t.consoleUserId).where(sql`${t.consoleUserId} IS NOT NULL`),
    uniqueIndex('users_clerk_user_id_key').on(t.clerkUserId).where(sql`${t.clerkUserId} IS NOT NULL`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    // We store a SHA-256 of the opaque session id here, never the id itself.
    refreshToken: text().notNull().unique(),
    expiresAt: tstz().notNull(),
    ipAddress: text(),
    userAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId), index().on(t.refreshToken), index().on(t.expiresAt)],
);

export const twoFactorAuth = pgTable('two_factor_auth', {
  id: id(),
  userId: text().notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
  secret: text().notNull(),
  backupCodes: text().array().notNull().default(sql`'{}'::text[]`),
  enabled: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const loginHistory = pgTable(
  'login_history',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    ipAddress: text().notNull(),
    userAgent: text(),
    success: boolean().notNull(),
    failureReason: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId), index().on(t.createdAt)],
);

export const knownDevices = pgTable(
  'known_devices',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    deviceFingerprint: text().notNull(),
    deviceName: text().notNull(),
    ipAddress: text().notNull(),
    lastUsedAt: tstz().notNull().defaultNow(),
    trusted: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.userId, t.deviceFingerprint), index().on(t.userId)],
);

export const privacySettings = pgTable(
  'privacy_settings',
  {
    id: id(),
    userId: text().notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
    profileVisibility: text().notNull().default('private'),
    showEmail: boolean().notNull().default(false),
    showPhone: boolean().notNull().default(false),
    allowMessagesFrom: text().notNull().default('contacts'),
    dataUsageConsent: boolean().notNull().default(false),
    marketingEmailsConsent: boolean().notNull().default(false),
    thirdPartyDataSharing: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('privacy_settings_profile_visibility_check', t.profileVisibility, E.PROFILE_VISIBILITIES),
    oneOf('privacy_settings_allow_messages_from_check', t.allowMessagesFrom, E.ALLOW_MESSAGES_FROM),
  ],
);

export const dataExports = pgTable(
  'data_exports',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    exportType: text().notNull(),
    status: text().notNull().default('pending'),
    fileUrl: text(),
    expiresAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.status),
    oneOf('data_exports_export_type_check', t.exportType, E.EXPORT_TYPES),
    oneOf('data_exports_status_check', t.status, E.EXPORT_STATUSES),
  ],
);

/** 004: one-time VGL-XXXX codes that link a chat identity to a user. */
export const platformLinkCodes = pgTable(
  'platform_link_codes',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    platform: text().notNull(),
    code: text().notNull().unique(),
    used: boolean().notNull().default(false),
    createdAt: createdAt(),
    expiresAt: tstz().notNull(),
  },
  (t) => [
    index('idx_link_codes_lookup').on(t.code, t.used, t.expiresAt),
    oneOf('platform_link_codes_platform_check', t.platform, E.CHAT_PLATFORMS),
  ],
);

/**
 * 004 journal_conversations, generalized to hold every chat flow's state (DESIGN.md): `kind`
 * names the flow (journal, newbot, connect, …), `step` its current step, `context` its data,
 * `version` an optimistic lock. Unique per (user, platform, chat) — widened from the seed's
 * (user, platform) because a user may run flows in a private chat and a group at once.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    platform: text().notNull(),
    platformChatId: text().notNull(),
    kind: text().notNull().default('journal'),
    step: text(),
    state: text().notNull().default('idle'),
    pendingTrade: jsonb(),
    context: jsonb().notNull().default({}),
    version: integer().notNull().default(0),
    expiresAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('conversations_user_platform_chat_key').on(t.userId, t.platform, t.platformChatId),
    oneOf('conversations_platform_check', t.platform, E.CHAT_PLATFORMS),
    oneOf('conversations_state_check', t.state, E.CONVERSATION_STATES),
  ],
);
