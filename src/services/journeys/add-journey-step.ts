/**
 * Append a step (message, question, delay, wait for reply) to a journey. Appending never moves
 * a running session: sessions point at step ids, and the new step is only reached after the
 * current last one.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { journeySteps, journeys } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { limitExceeded, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';
import { journeyStepInputSchema } from './journey-steps.ts';

const MAX_STEPS = 50;

export const addJourneyStep = defineVerb({
  name: 'journey_step.add',
  input: z.object({ tenantId: tenantIdSchema, journeyId: z.string().min(1).max(64), step: journeyStepInputSchema }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [journey] = await tx.select({ id: journeys.id }).from(journeys).where(and(eq(journeys.id, input.journeyId), eq(journeys.tenantId, input.tenantId))).for('update');
    if (!journey) throw notFound('This journey');
    const [{ last }] = await tx.select({ last: sql<number>`coalesce(max(${journeySteps.stepOrder}), 0)::int` }).from(journeySteps).where(eq(journeySteps.journeyId, journey.id));
    if (last >= MAX_STEPS) throw limitExceeded(`A journey has at most ${MAX_STEPS} steps.`);
    const { type, ...config } = input.step;
    const [row] = await tx.insert(journeySteps).values({ journeyId: journey.id, stepOrder: last + 1, stepType: type, config }).returning();
    await writeAudit(tx, ctx, 'journey_step.add', { tenantId: input.tenantId, journeyId: journey.id, stepId: row.id, order: row.stepOrder, type });
    return { id: row.id, journeyId: journey.id, order: row.stepOrder, type, config };
  },
});
