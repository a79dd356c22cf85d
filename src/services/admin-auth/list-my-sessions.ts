/** The signed-in staff member's open sessions, newest first, for the account page. */
import { and, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { sessions } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listMySessions = defineVerb({
  name: 'session.list_mine',
  input: z.object({}).default({}),
  allow: isStaff,
  transactional: false,
  run: async ({ ctx, tx }) => {
    const userId = actorUserId(ctx.actor) ?? '';
    const current = ctx.actor.kind === 'admin' ? ctx.actor.sessionId : undefined;
    const rows = await tx
      .select({ id: sessions.id, ipAddress: sessions.ipAddress, userAgent: sessions.userAgent, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, ctx.env.clock.now())))
      .orderBy(desc(sessions.createdAt));
    return rows.map((r) => ({ ...r, current: r.id === current }));
  },
});
