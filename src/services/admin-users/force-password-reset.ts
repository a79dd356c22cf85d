/** Require a new password at the next sign-in; every session of the user is revoked now. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { loadTarget } from './target.ts';

export const forcePasswordReset = defineVerb({
  name: 'user.force_password_reset',
  input: z.object({ userId: z.string().min(1).max(64) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const user = await loadTarget(tx, ctx.actor, input.userId);
    await tx.update(users).set({ forcePasswordReset: true, updatedAt: ctx.env.clock.now() }).where(eq(users.id, user.id));
    const revoked = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await auditAdmin(tx, ctx, 'user.force_password_reset', { targetUserId: user.id, sessionsRevoked: revoked.length });
    return { userId: user.id, forcePasswordReset: true };
  },
});
