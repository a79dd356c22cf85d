/** Close a ticket (staff) and tell the user with TICKET_CLOSED. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets } from '../../db/schema/index.ts';
import { preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { loadTicket } from './load-ticket.ts';

export const closeTicket = defineVerb({
  name: 'ticket.close',
  input: z.object({ ticketId: z.string().min(1).max(64) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const ticket = await loadTicket(tx, input.ticketId);
    if (ticket.status === 'closed') throw preconditionFailed('This ticket is already closed.');
    const now = ctx.env.clock.now();
    await tx.update(supportTickets).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(supportTickets.id, ticket.id));
    await raiseNotification(tx, {
      userId: ticket.userId,
      type: 'TICKET_CLOSED',
      title: `Ticket closed: ${ticket.subject}`,
      message: `Your support ticket "${ticket.subject}" was closed. Reply or open a new ticket if you still need help.`,
      metadata: { ticketId: ticket.id },
      now,
    });
    await auditAdmin(tx, ctx, 'ticket.close', { ticketId: ticket.id });
    return { ticketId: ticket.id, status: 'closed' as const };
  },
});
