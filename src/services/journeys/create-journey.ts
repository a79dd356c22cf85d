/** Create a journey with its triggers (deep link or keyword) and ordered steps. */
import { z } from 'zod';
import { journeys, journeySteps, journeyTriggers } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';
import { journeyStepInputSchema } from './journey-steps.ts';

export const journeyTriggerSchema = z.discriminatedUnion('type', [
  // Telegram start parameters: up to 64 of A-Z a-z 0-9 _ - (t.me/<bot>?start=<payload>)
  z.object({ type: z.literal('deep_link'), payload: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -') }),
  z.object({ type: z.literal('keyword'), keyword: z.string().trim().toLowerCase().min(1).max(64), match: z.enum(['exact', 'contains']).default('exact') }),
]);

export const createJourney = defineVerb({
  name: 'journey.create',
  input: z.object({
    tenantId: tenantIdSchema,
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).optional(),
    isActive: z.boolean().default(true),
    triggers: z.array(journeyTriggerSchema).min(1).max(20),
    steps: z.array(journeyStepInputSchema).min(1).max(50),
  }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [journey] = await tx
      .insert(journeys)
      .values({ tenantId: input.tenantId, name: input.name, description: input.description ?? null, isActive: input.isActive, createdAt: ctx.env.clock.now() })
      .returning();
    await tx.insert(journeyTriggers).values(input.triggers.map(({ type, ...config }) => ({ journeyId: journey.id, triggerType: type, triggerConfig: config })));
    await tx.insert(journeySteps).values(input.steps.map(({ type, ...config }, i) => ({ journeyId: journey.id, stepOrder: i + 1, stepType: type, config })));
    await writeAudit(tx, ctx, 'journey.create', { tenantId: input.tenantId, journeyId: journey.id });
    return journey;
  },
});
