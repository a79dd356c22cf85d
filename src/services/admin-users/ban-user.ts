/** Ban a user: refused by chat adapters and the console from now on; sessions revoked. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { loadTarget } from './target.ts';

export const banUser = defineVerb({
  name: 'user.ban',
  input: z.object({ userId: z.string().min(1).max(64), reason: z.string().trim().min(1, 'Give a reason.').max(1000) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const user = await loadTarget(tx, ctx.actor, input.userId);
    const now = ctx.env.clock.now();
    await tx
      .update(users)
      .set({ status: 'banned', bannedAt: now, bannedReason: input.reason, bannedBy: actorUserId(ctx.actor), suspendedUntil: null, suspendedReason: null, updatedAt: now })
      .where(eq(users.id, user.id));
    const revoked = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await auditAdmin(tx, ctx, 'user.ban', { targetUserId: user.id, reason: input.reason, previousStatus: user.status, sessionsRevoked: revoked.length });
    return { userId: user.id, status: 'banned' as const };
  },
});
