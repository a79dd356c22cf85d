/** One of the chat user's own tickets with its latest messages (staff replies marked). */
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ticketMessages } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { requireChatActor } from '../identity/chat-identity.ts';
import { findOwnTicket, shortTicketRef, ticketRef } from './ticket-ref.ts';

export const getMyTicket = defineVerb({
  name: 'ticket.get_mine',
  input: z.object({ ref: ticketRef }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const actor = requireChatActor(ctx.actor);
    const ticket = await findOwnTicket(tx, actor.userId, input.ref);
    const messages = await tx
      .select({ content: ticketMessages.content, isStaffReply: ticketMessages.isStaffReply, createdAt: ticketMessages.createdAt })
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticket.id))
      .orderBy(desc(ticketMessages.createdAt), desc(ticketMessages.id))
      .limit(10);
    return {
      id: ticket.id,
      ref: shortTicketRef(ticket.id),
      subject: ticket.subject,
      status: ticket.status,
      category: ticket.category,
      createdAt: ticket.createdAt,
      messages: messages.reverse(),
    };
  },
});
