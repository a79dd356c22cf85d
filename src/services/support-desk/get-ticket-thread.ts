/** A ticket with its messages (oldest first) and who asked. */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets, ticketMessages, users } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export const getTicketThread = defineVerb({
  name: 'ticket.get',
  input: z.object({ ticketId: z.string().min(1).max(64) }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) => {
    const [row] = await tx
      .select({ ticket: supportTickets, user: { id: users.id, email: users.email, fullName: users.fullName, status: users.status, telegramChatId: users.telegramChatId, discordUserId: users.discordUserId } })
      .from(supportTickets)
      .innerJoin(users, eq(users.id, supportTickets.userId))
      .where(eq(supportTickets.id, input.ticketId));
    if (!row) throw notFound('That ticket');
    const messages = await tx
      .select({ id: ticketMessages.id, content: ticketMessages.content, isStaffReply: ticketMessages.isStaffReply, createdAt: ticketMessages.createdAt, authorId: ticketMessages.userId, authorEmail: users.email, authorName: users.fullName })
      .from(ticketMessages)
      .innerJoin(users, eq(users.id, ticketMessages.userId))
      .where(eq(ticketMessages.ticketId, row.ticket.id))
      .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
    return { ...row.ticket, user: row.user, messages };
  },
});
