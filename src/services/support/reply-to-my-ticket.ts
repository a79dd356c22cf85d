/** The user adds a message to their own ticket; a ticket staff had put in progress stays so. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets, ticketMessages } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { requireChatActor } from '../identity/chat-identity.ts';
import { findOwnTicket, shortTicketRef, ticketRef } from './ticket-ref.ts';

export const replyToMyTicket = defineVerb({
  name: 'ticket.reply_mine',
  input: z.object({ ref: ticketRef, message: z.string().trim().min(1, 'the message is empty').max(4000, 'the message can be at most 4000 characters') }),
  run: async ({ ctx, input, tx }): Promise<{ id: string; ref: string }> => {
    const actor = requireChatActor(ctx.actor);
    const now = ctx.env.clock.now();
    const ticket = await findOwnTicket(tx, actor.userId, input.ref, true);
    if (ticket.status === 'closed') throw preconditionFailed('That ticket is closed. Open a new one with /support new.');
    await tx.insert(ticketMessages).values({ ticketId: ticket.id, userId: actor.userId, content: input.message, createdAt: now });
    await tx.update(supportTickets).set({ updatedAt: now }).where(eq(supportTickets.id, ticket.id));
    await writeAudit(tx, ctx, 'ticket.reply_mine', { ticketId: ticket.id });
    return { id: ticket.id, ref: shortTicketRef(ticket.id) };
  },
});
