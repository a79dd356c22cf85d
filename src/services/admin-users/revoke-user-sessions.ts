/** Sign a user out everywhere (staff targets need a superadmin). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { loadTarget } from './target.ts';

export const revokeUserSessions = defineVerb({
  name: 'user.revoke_sessions',
  input: z.object({ userId: z.string().min(1).max(64) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const user = await loadTarget(tx, ctx.actor, input.userId);
    const revoked = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await auditAdmin(tx, ctx, 'user.revoke_sessions', { targetUserId: user.id, sessionsRevoked: revoked.length });
    return { revoked: revoked.length };
  },
});
