/**
 * A staff reply: a ticket_messages row marked isStaffReply, and a TICKET_MESSAGE notification to
 * the user, which the delivery job sends to their chat. Replying to a closed ticket reopens it.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets, ticketMessages } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { loadTicket } from './load-ticket.ts';

export const replyAsStaff = defineVerb({
  name: 'ticket.reply',
  input: z.object({ ticketId: z.string().min(1).max(64), content: z.string().trim().min(1, 'Write a reply.').max(10_000) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const ticket = await loadTicket(tx, input.ticketId);
    const staffId = actorUserId(ctx.actor)!;
    const now = ctx.env.clock.now();
    const [message] = await tx
      .insert(ticketMessages)
      .values({ ticketId: ticket.id, userId: staffId, content: input.content, isStaffReply: true, createdAt: now })
      .returning();
    await tx
      .update(supportTickets)
      .set({ status: 'in_progress', assignedTo: ticket.assignedTo ?? staffId, closedAt: null, updatedAt: now })
      .where(eq(supportTickets.id, ticket.id));
    const notificationId = await raiseNotification(tx, {
      userId: ticket.userId,
      type: 'TICKET_MESSAGE',
      title: `Support replied: ${ticket.subject}`,
      message: input.content,
      metadata: { ticketId: ticket.id, messageId: message.id },
      now,
    });
    await auditAdmin(tx, ctx, 'ticket.reply', { ticketId: ticket.id, messageId: message.id, reopened: ticket.status === 'closed' });
    return { message, notificationId };
  },
});
