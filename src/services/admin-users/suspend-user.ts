/** Suspend a user until a date; after it passes they are active again without anyone acting. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '../../db/schema/index.ts';
import { invalid } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { loadTarget } from './target.ts';

export const suspendUser = defineVerb({
  name: 'user.suspend',
  input: z.object({
    userId: z.string().min(1).max(64),
    until: z.coerce.date({ message: 'Enter the date the suspension ends.' }),
    reason: z.string().trim().min(1, 'Give a reason.').max(1000),
  }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const now = ctx.env.clock.now();
    if (input.until <= now) throw invalid('The suspension must end in the future.', [{ field: 'until', message: 'must be in the future' }]);
    const user = await loadTarget(tx, ctx.actor, input.userId);
    await tx.update(users).set({ status: 'suspended', suspendedUntil: input.until, suspendedReason: input.reason, updatedAt: now }).where(eq(users.id, user.id));
    const revoked = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await auditAdmin(tx, ctx, 'user.suspend', { targetUserId: user.id, until: input.until.toISOString(), reason: input.reason, sessionsRevoked: revoked.length });
    return { userId: user.id, status: 'suspended' as const, until: input.until };
  },
});
