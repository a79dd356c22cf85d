/** Assign a ticket to a staff member (or unassign); an open ticket becomes in progress. */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { supportTickets, users } from '../../db/schema/index.ts';
import { invalid, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { loadTicket } from './load-ticket.ts';

export const assignTicket = defineVerb({
  name: 'ticket.assign',
  input: z.object({ ticketId: z.string().min(1).max(64), assigneeId: z.preprocess((v) => (v === '' ? null : v), z.string().max(64).nullable()) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const ticket = await loadTicket(tx, input.ticketId);
    if (ticket.status === 'closed') throw preconditionFailed('This ticket is closed.');
    if (input.assigneeId) {
      const [staff] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.assigneeId), inArray(users.role, ['admin', 'superadmin']), eq(users.status, 'active')));
      if (!staff) throw invalid('Pick an active staff member.', [{ field: 'assigneeId', message: 'not a staff member' }]);
    }
    const status = input.assigneeId && ticket.status === 'open' ? 'in_progress' : ticket.status;
    await tx.update(supportTickets).set({ assignedTo: input.assigneeId, status, updatedAt: ctx.env.clock.now() }).where(eq(supportTickets.id, ticket.id));
    await auditAdmin(tx, ctx, 'ticket.assign', { ticketId: ticket.id, from: ticket.assignedTo, to: input.assigneeId });
    return { ticketId: ticket.id, assignedTo: input.assigneeId, status };
  },
});
