/** Multi-channel notifications and each user's delivery preferences (000). */
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { between, createdAt, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    channel: text().notNull(),
    priority: text().notNull().default('NORMAL'),
    title: text().notNull(),
    message: text().notNull(),
    metadata: jsonb(),
    read: boolean().notNull().default(false),
    delivered: boolean().notNull().default(false),
    deliveredAt: tstz(),
    failureReason: text(),
    scheduledFor: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    attempts: integer().notNull().default(0),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.read),
    index().on(t.delivered),
    index().on(t.createdAt),
    index().on(t.type),
    index().on(t.channel),
    index().on(t.priority),
    oneOf('notifications_type_check', t.type, E.NOTIFICATION_TYPES),
    oneOf('notifications_channel_check', t.channel, E.NOTIFICATION_CHANNELS),
    oneOf('notifications_priority_check', t.priority, E.NOTIFICATION_PRIORITIES),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: id(),
    userId: text().notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
    emailEnabled: boolean().notNull().default(true),
    emailBotAlerts: boolean().notNull().default(true),
    emailTrades: boolean().notNull().default(true),
    emailPayments: boolean().notNull().default(true),
    emailSupport: boolean().notNull().default(true),
    emailMarketing: boolean().notNull().default(false),
    inAppEnabled: boolean().notNull().default(true),
    inAppBotAlerts: boolean().notNull().default(true),
    inAppTrades: boolean().notNull().default(true),
    inAppPayments: boolean().notNull().default(true),
    inAppSupport: boolean().notNull().default(true),
    telegramEnabled: boolean().notNull().default(false),
    telegramChatId: text(),
    telegramBotAlerts: boolean().notNull().default(true),
    telegramTrades: boolean().notNull().default(true),
    telegramCriticalOnly: boolean().notNull().default(false),
    // Discord mirrors Telegram's switches (Discord is a first-class chat here; the seed predates it).
    discordEnabled: boolean().notNull().default(false),
    discordBotAlerts: boolean().notNull().default(true),
    discordTrades: boolean().notNull().default(true),
    discordCriticalOnly: boolean().notNull().default(false),
    digestMode: boolean().notNull().default(false),
    digestFrequency: text().notNull().default('realtime'),
    quietHoursEnabled: boolean().notNull().default(false),
    quietHoursStart: integer(),
    quietHoursEnd: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('notification_preferences_digest_frequency_check', t.digestFrequency, E.DIGEST_FREQUENCIES),
    between('notification_preferences_quiet_hours_start_check', t.quietHoursStart, 0, 23),
    between('notification_preferences_quiet_hours_end_check', t.quietHoursEnd, 0, 23),
  ],
);
