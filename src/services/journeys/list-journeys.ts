/** A community's journeys with their triggers, ordered steps and how many chats are in each. */
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { journeySteps, journeyTriggers, journeyUserSessions, journeys } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';

export const listJourneys = defineVerb({
  name: 'journey.list',
  input: z.object({ tenantId: tenantIdSchema }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    const rows = await tx.select().from(journeys).where(eq(journeys.tenantId, input.tenantId)).orderBy(desc(journeys.createdAt), desc(journeys.id));
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [triggers, steps, sessions] = await Promise.all([
      tx.select().from(journeyTriggers).where(inArray(journeyTriggers.journeyId, ids)),
      tx.select().from(journeySteps).where(inArray(journeySteps.journeyId, ids)).orderBy(asc(journeySteps.stepOrder)),
      tx
        .select({ journeyId: journeyUserSessions.journeyId, status: journeyUserSessions.status, n: sql<number>`count(*)::int` })
        .from(journeyUserSessions)
        .where(inArray(journeyUserSessions.journeyId, ids))
        .groupBy(journeyUserSessions.journeyId, journeyUserSessions.status),
    ]);
    return rows.map((j) => ({
      ...j,
      triggers: triggers.filter((t) => t.journeyId === j.id).map((t) => ({ id: t.id, type: t.triggerType, config: t.triggerConfig as Record<string, unknown>, isActive: t.isActive })),
      steps: steps.filter((s) => s.journeyId === j.id).map((s) => ({ id: s.id, order: s.stepOrder, type: s.stepType, config: s.config as Record<string, unknown> })),
      sessions: Object.fromEntries(sessions.filter((s) => s.journeyId === j.id).map((s) => [s.status, s.n])) as Record<string, number>,
    }));
  },
});
