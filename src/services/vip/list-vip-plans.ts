/** The VIP plans a community offers, from the cached Stripe prices (monthly, annual, lifetime). */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tenantStripePrices, tenantStripeProducts } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';
import { planTypeOf } from './sync-vip-catalog.ts';

export const listVipPlans = defineVerb({
  name: 'vip_plan.list',
  input: z.object({ tenantId: tenantIdSchema }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    const rows = await tx
      .select({ priceId: tenantStripePrices.stripePriceId, name: tenantStripeProducts.name, amount: tenantStripePrices.unitAmount, currency: tenantStripePrices.currency, interval: tenantStripePrices.interval })
      .from(tenantStripePrices)
      .innerJoin(tenantStripeProducts, eq(tenantStripeProducts.stripeProductId, tenantStripePrices.stripeProductId))
      .where(and(eq(tenantStripePrices.tenantId, input.tenantId), eq(tenantStripePrices.active, true), eq(tenantStripeProducts.active, true)))
      .orderBy(asc(tenantStripePrices.unitAmount));
    return rows.map((r) => ({ ...r, planType: planTypeOf(r.interval), label: `${r.name} — ${r.amount?.toFixed(2) ?? '?'} ${r.currency.toUpperCase()}${r.interval ? ` / ${r.interval}` : ' once'}` }));
  },
});
