/** Audit and security logs, admin notes, blocked IPs and the system settings singleton (000). */
import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';

/** Who changed what. user_id is null for system and webhook actors. */
export const auditLogs = pgTable(
  'audit_logs',
  {
    id: id(),
    userId: text().references(() => users.id, { onDelete: 'cascade' }),
    action: text().notNull(), // '{entity}.{verb}', e.g. 'bot.create'
    details: jsonb(),
    ipAddress: text(),
    createdAt: createdAt(),
    actorType: text(), // telegram, discord, console, admin, webhook, system
    requestId: text(),
  },
  (t) => [index().on(t.userId), index().on(t.action), index().on(t.createdAt)],
);

export const adminNotes = pgTable(
  'admin_notes',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    authorId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    content: text().notNull(),
    category: text().notNull().default('general'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.userId), oneOf('admin_notes_category_check', t.category, E.ADMIN_NOTE_CATEGORIES)],
);

export const securityLogs = pgTable(
  'security_logs',
  {
    id: id(),
    type: text().notNull(),
    userId: text().references(() => users.id, { onDelete: 'set null' }), // kept when the user is deleted
    ipAddress: text().notNull(),
    userAgent: text().notNull(),
    metadata: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.type),
    index().on(t.ipAddress),
    index().on(t.userId),
    index().on(t.createdAt),
    oneOf('security_logs_type_check', t.type, E.SECURITY_LOG_TYPES),
  ],
);

export const blockedIps = pgTable(
  'blocked_ips',
  {
    id: id(),
    ipAddress: text().notNull().unique(),
    reason: text().notNull(),
    blockedAt: tstz().notNull().defaultNow(),
    expiresAt: tstz(),
    createdBy: text(),
    metadata: jsonb(),
  },
  (t) => [index().on(t.ipAddress), index().on(t.expiresAt)],
);

export const systemSettings = pgTable(
  'system_settings',
  {
    id: text().primaryKey().default('singleton'),
    maintenanceMode: boolean().notNull().default(false),
    maintenanceMessage: text(),
    registrationsOpen: boolean().notNull().default(true),
    updatedAt: updatedAt(),
    updatedBy: text(),
  },
  (t) => [check('system_settings_singleton_check', sql`${t.id} = 'singleton'`)],
);
