/** Grant or remove admin roles (superadmin). The last active superadmin cannot be demoted. */
import { and, count, eq, isNotNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '../../db/schema/index.ts';
import { USER_ROLES } from '../../shared/enums.ts';
import { forbidden, notFound, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isSuperadmin } from '../admin-core/roles.ts';

export const setUserRole = defineVerb({
  name: 'user.set_role',
  input: z.object({ userId: z.string().min(1).max(64), role: z.enum(USER_ROLES) }),
  allow: isSuperadmin,
  run: async ({ ctx, input, tx }) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!user) throw notFound('That user');
    if ('userId' in ctx.actor && ctx.actor.userId === user.id) throw forbidden('You cannot change your own role.');
    if (user.role === input.role) return { userId: user.id, role: user.role };
    if (user.role === 'superadmin') {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'superadmin'), eq(users.status, 'active'), isNotNull(users.password), ne(users.id, user.id)));
      if (n === 0) throw preconditionFailed('This is the last superadmin; promote someone else first.');
    }
    await tx.update(users).set({ role: input.role, updatedAt: ctx.env.clock.now() }).where(eq(users.id, user.id));
    // A role change takes effect at the next sign-in, with the new role's requirements (2FA).
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await auditAdmin(tx, ctx, 'user.set_role', { targetUserId: user.id, from: user.role, to: input.role });
    return { userId: user.id, role: input.role };
  },
});
