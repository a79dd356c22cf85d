/** Help center, FAQs, support tickets (000) and announcements (004). */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';

export const helpCategories = pgTable('help_categories', {
  id: id(),
  name: text().notNull().unique(),
  slug: text().notNull().unique(),
  description: text(),
  icon: text(),
  order: integer().notNull().default(0),
  createdAt: createdAt(),
});

export const helpArticles = pgTable(
  'help_articles',
  {
    id: id(),
    title: text().notNull(),
    slug: text().notNull().unique(),
    content: text().notNull(),
    categoryId: text().notNull().references(() => helpCategories.id, { onDelete: 'cascade' }),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    views: integer().notNull().default(0),
    published: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.categoryId), index().on(t.published), index().on(t.slug)],
);

export const faqs = pgTable('faqs', {
  id: id(),
  question: text().notNull(),
  answer: text().notNull(),
  categoryId: text(), // optional, no FK in the seed
  order: integer().notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const supportTickets = pgTable(
  'support_tickets',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    subject: text().notNull(),
    category: text().notNull().default('general'),
    status: text().notNull().default('open'),
    priority: text().notNull().default('normal'),
    assignedTo: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: tstz(),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.status),
    index().on(t.priority),
    index().on(t.category),
    oneOf('support_tickets_category_check', t.category, E.TICKET_CATEGORIES),
    oneOf('support_tickets_status_check', t.status, E.TICKET_STATUSES),
    oneOf('support_tickets_priority_check', t.priority, E.TICKET_PRIORITIES),
  ],
);

export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: id(),
    ticketId: text().notNull().references(() => supportTickets.id, { onDelete: 'cascade' }),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    content: text().notNull(),
    isStaffReply: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.ticketId), index().on(t.createdAt)],
);

export const announcements = pgTable(
  'announcements',
  {
    id: id(),
    title: text().notNull(),
    body: text().notNull(),
    type: text().notNull().default('info'),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [oneOf('announcements_type_check', t.type, E.ANNOUNCEMENT_TYPES)],
);

export const announcementDismissals = pgTable(
  'announcement_dismissals',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    announcementId: text().notNull().references(() => announcements.id, { onDelete: 'cascade' }),
    dismissedAt: tstz().notNull().defaultNow(),
  },
  (t) => [unique().on(t.userId, t.announcementId)],
);
