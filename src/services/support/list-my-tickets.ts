/** The chat user's own tickets, newest activity first. */
import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { requireChatActor } from '../identity/chat-identity.ts';
import { shortTicketRef } from './ticket-ref.ts';

export const listMyTickets = defineVerb({
  name: 'ticket.list_mine',
  input: z.object({ includeClosed: z.boolean().default(false), limit: z.number().int().min(1).max(20).default(10) }).default({ includeClosed: false, limit: 10 }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const actor = requireChatActor(ctx.actor);
    const rows = await tx
      .select({ id: supportTickets.id, subject: supportTickets.subject, status: supportTickets.status, category: supportTickets.category, updatedAt: supportTickets.updatedAt })
      .from(supportTickets)
      .where(and(eq(supportTickets.userId, actor.userId), input.includeClosed ? undefined : ne(supportTickets.status, 'closed')))
      .orderBy(desc(supportTickets.updatedAt))
      .limit(input.limit);
    return rows.map((r) => ({ ...r, ref: shortTicketRef(r.id) }));
  },
});
