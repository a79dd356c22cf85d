/** /support: a user opens a ticket with its first message. */
import { and, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets, ticketMessages } from '../../db/schema/index.ts';
import { TICKET_CATEGORIES } from '../../shared/enums.ts';
import { writeAudit } from '../core/audit.ts';
import { limitExceeded } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { requireChatActor } from '../identity/chat-identity.ts';
import { shortTicketRef } from './ticket-ref.ts';

const MAX_OPEN_TICKETS = 10;

export const openTicket = defineVerb({
  name: 'ticket.open',
  input: z.object({
    category: z.enum(TICKET_CATEGORIES).default('general'),
    subject: z.string().trim().min(3, 'the subject needs at least 3 characters').max(200, 'the subject can be at most 200 characters'),
    message: z.string().trim().min(1, 'the message is empty').max(4000, 'the message can be at most 4000 characters'),
  }),
  run: async ({ ctx, input, tx }): Promise<{ id: string; ref: string }> => {
    const actor = requireChatActor(ctx.actor);
    const now = ctx.env.clock.now();
    const [open] = await tx.select({ n: count() }).from(supportTickets).where(and(eq(supportTickets.userId, actor.userId), ne(supportTickets.status, 'closed')));
    if (open.n >= MAX_OPEN_TICKETS) throw limitExceeded(`You already have ${open.n} open tickets. Close one (/support) before opening another.`);
    const [ticket] = await tx
      .insert(supportTickets)
      .values({ userId: actor.userId, subject: input.subject, category: input.category, createdAt: now, updatedAt: now })
      .returning({ id: supportTickets.id });
    await tx.insert(ticketMessages).values({ ticketId: ticket.id, userId: actor.userId, content: input.message, createdAt: now });
    await writeAudit(tx, ctx, 'ticket.open', { ticketId: ticket.id, category: input.category });
    return { id: ticket.id, ref: shortTicketRef(ticket.id) };
  },
});
