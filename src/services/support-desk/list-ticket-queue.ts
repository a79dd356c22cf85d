/**
 * The staff ticket queue: filter by status, priority, category and assignee; urgent first, then
 * oldest waiting first. Open and in-progress tickets by default.
 */
import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets, users } from '../../db/schema/index.ts';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, optionalEnum, optionalText, pageFields, toPage } from '../admin-core/pagination.ts';
import { isStaff } from '../admin-core/roles.ts';

const priorityRank = sql`case ${supportTickets.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

export const listTicketQueue = defineVerb({
  name: 'ticket.queue',
  input: z.object({
    status: z.preprocess((v) => (v === '' ? undefined : v), z.enum([...TICKET_STATUSES, 'waiting', 'all']).default('waiting')),
    priority: optionalEnum(TICKET_PRIORITIES),
    category: optionalEnum(TICKET_CATEGORIES),
    assignedTo: optionalText, // a staff user id, or 'none'
    ...pageFields,
  }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) => {
    const filters: SQL[] = [];
    if (input.status === 'waiting') filters.push(inArray(supportTickets.status, ['open', 'in_progress']));
    else if (input.status !== 'all') filters.push(eq(supportTickets.status, input.status));
    if (input.priority) filters.push(eq(supportTickets.priority, input.priority));
    if (input.category) filters.push(eq(supportTickets.category, input.category));
    if (input.assignedTo === 'none') filters.push(isNull(supportTickets.assignedTo));
    else if (input.assignedTo) filters.push(eq(supportTickets.assignedTo, input.assignedTo));
    const where = filters.length ? and(...filters) : undefined;
    const rows = await tx
      .select({ ticket: supportTickets, userEmail: users.email, userName: users.fullName, telegramChatId: users.telegramChatId, discordUserId: users.discordUserId })
      .from(supportTickets)
      .innerJoin(users, eq(users.id, supportTickets.userId))
      .where(where)
      .orderBy(priorityRank, asc(supportTickets.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(supportTickets).where(where);
    return toPage(rows.map((r) => ({ ...r.ticket, userEmail: r.userEmail, userName: r.userName, viaChat: r.telegramChatId ? 'telegram' : r.discordUserId ? 'discord' : null })), n, input);
  },
});
