/** The user closes their own ticket (closing twice is fine). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { requireChatActor } from '../identity/chat-identity.ts';
import { findOwnTicket, shortTicketRef, ticketRef } from './ticket-ref.ts';

export const closeMyTicket = defineVerb({
  name: 'ticket.close_mine',
  input: z.object({ ref: ticketRef }),
  run: async ({ ctx, input, tx }): Promise<{ ref: string; alreadyClosed: boolean }> => {
    const actor = requireChatActor(ctx.actor);
    const now = ctx.env.clock.now();
    const ticket = await findOwnTicket(tx, actor.userId, input.ref, true);
    if (ticket.status === 'closed') return { ref: shortTicketRef(ticket.id), alreadyClosed: true };
    await tx.update(supportTickets).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(supportTickets.id, ticket.id));
    await writeAudit(tx, ctx, 'ticket.close_mine', { ticketId: ticket.id });
    return { ref: shortTicketRef(ticket.id), alreadyClosed: false };
  },
});
