/** Lift a ban or a suspension, and clear a login lockout. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { loadTarget } from './target.ts';

export const reactivateUser = defineVerb({
  name: 'user.reactivate',
  input: z.object({ userId: z.string().min(1).max(64) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const user = await loadTarget(tx, ctx.actor, input.userId);
    await tx
      .update(users)
      .set({ status: 'active', bannedAt: null, bannedReason: null, bannedBy: null, suspendedUntil: null, suspendedReason: null, lockedUntil: null, failedLoginAttempts: 0, updatedAt: ctx.env.clock.now() })
      .where(eq(users.id, user.id));
    await auditAdmin(tx, ctx, 'user.reactivate', { targetUserId: user.id, previousStatus: user.status });
    return { userId: user.id, status: 'active' as const };
  },
});
