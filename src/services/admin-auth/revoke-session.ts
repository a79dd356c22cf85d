/** Sign out: revoke one session. Staff revoke their own; a superadmin may revoke anyone's. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff, isSuperadmin } from '../admin-core/roles.ts';

export const revokeSession = defineVerb({
  name: 'session.revoke',
  input: z.object({ sessionId: z.string().min(1).max(64) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const [row] = await tx.select({ id: sessions.id, userId: sessions.userId }).from(sessions).where(eq(sessions.id, input.sessionId));
    if (!row) throw notFound('That session');
    const own = 'userId' in ctx.actor && ctx.actor.userId === row.userId;
    if (!own && !isSuperadmin(ctx.actor)) throw forbidden('Only a superadmin can revoke another person’s session.');
    await tx.delete(sessions).where(eq(sessions.id, row.id));
    await auditAdmin(tx, ctx, 'session.revoke', { sessionId: row.id, userId: row.userId });
    return { revoked: true };
  },
});
