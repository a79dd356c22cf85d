/** What a setup link is for (email, role), or NOT_FOUND when it is unknown, used or expired. */
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { sha256Hex } from './secrets.ts';

export const getSetupInvitation = defineVerb({
  name: 'admin.get_setup_invitation',
  input: z.object({ token: z.string().min(20).max(200) }),
  allow: (actor) => actor.kind === 'system',
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const [row] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.resetPasswordToken, sha256Hex(input.token)), gt(users.resetPasswordExpiry, ctx.env.clock.now())));
    if (!row) throw notFound('This setup link (it may have been used or have expired)');
    return { email: row.email, role: row.role };
  },
});
