/** Campaigns of a community: created as drafts, then active, then ended (no way back). */
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { campaigns } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-03-31');
const NEXT: Record<string, string[]> = { draft: ['active', 'ended'], active: ['ended'], ended: [] };

export const createCampaign = defineVerb({
  name: 'campaign.create',
  input: z.object({ tenantId: tenantIdSchema, title: z.string().trim().min(1).max(120), description: z.string().trim().max(2000).optional(), startDate: day.optional(), endDate: day.optional(), prize: z.string().trim().max(200).optional() }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    if (input.startDate && input.endDate && input.endDate < input.startDate) throw invalid('The campaign ends before it starts.', [{ field: 'endDate', message: 'is before startDate' }]);
    const [row] = await tx.insert(campaigns).values({ ...input, status: 'draft', createdAt: ctx.env.clock.now() }).returning();
    await writeAudit(tx, ctx, 'campaign.create', { tenantId: input.tenantId, campaignId: row.id });
    return row;
  },
});

export const setCampaignStatus = defineVerb({
  name: 'campaign.set_status',
  input: z.object({ tenantId: tenantIdSchema, campaignId: z.string().min(1), status: z.enum(['active', 'ended']) }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [row] = await tx.select().from(campaigns).where(and(eq(campaigns.id, input.campaignId), eq(campaigns.tenantId, input.tenantId))).for('update');
    if (!row) throw notFound('This campaign');
    if (!NEXT[row.status]?.includes(input.status)) throw conflict(`A ${row.status} campaign cannot become ${input.status}.`);
    const [updated] = await tx.update(campaigns).set({ status: input.status }).where(eq(campaigns.id, row.id)).returning();
    await writeAudit(tx, ctx, 'campaign.set_status', { tenantId: input.tenantId, campaignId: row.id, from: row.status, to: input.status });
    return updated;
  },
});

export const listCampaigns = defineVerb({
  name: 'campaign.list',
  input: z.object({ tenantId: tenantIdSchema }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    return tx.select().from(campaigns).where(eq(campaigns.tenantId, input.tenantId)).orderBy(desc(campaigns.createdAt));
  },
});
