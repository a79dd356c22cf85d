/** Delete expired console sessions (for a daily job; expired rows are already refused). */
import { lte } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';

export const purgeExpiredSessions = defineVerb({
  name: 'session.purge_expired',
  input: z.object({}).default({}),
  allow: (actor) => actor.kind === 'system',
  run: async ({ ctx, tx }) => {
    const removed = await tx.delete(sessions).where(lte(sessions.expiresAt, ctx.env.clock.now())).returning({ id: sessions.id });
    return { removed: removed.length };
  },
});
