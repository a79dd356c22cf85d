/**
 * Refresh the cache of a tenant's VIP products and prices from Stripe (tenant_stripe_products,
 * tenant_stripe_prices). With a Connect account, every active product of that account; on the
 * platform account, the products whose metadata.tenant_id is the tenant (or the configured
 * VIP product). Prices are stored in major units (1900 cents → 19.00).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tenantStripePrices, tenantStripeProducts, tenantStripeSettings } from '../../db/schema/index.ts';
import { Decimal } from '../../shared/money.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';
import { stripeClient } from './stripe-client.ts';

const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

export const syncVipCatalog = defineVerb({
  name: 'vip_catalog.sync',
  input: z.object({ tenantId: tenantIdSchema }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [settings] = await tx.select().from(tenantStripeSettings).where(eq(tenantStripeSettings.tenantId, input.tenantId));
    const stripe = stripeClient(ctx.env.config);
    const account = settings?.stripeAccountId ? { stripeAccount: settings.stripeAccountId } : undefined;
    const products = (await stripe.products.list({ active: true, limit: 100 }, account)).data.filter(
      (p) => !!account || p.metadata?.tenant_id === input.tenantId || p.id === settings?.vipProductId,
    );
    const ids = new Set(products.map((p) => p.id));
    const prices = (await stripe.prices.list({ active: true, limit: 100 }, account)).data.filter((p) => ids.has(typeof p.product === 'string' ? p.product : p.product.id));
    const now = ctx.env.clock.now();
    for (const p of products) {
      const values = { tenantId: input.tenantId, stripeProductId: p.id, name: p.name, description: p.description ?? null, active: p.active, metadata: p.metadata ?? {}, updatedAt: now };
      await tx.insert(tenantStripeProducts).values(values).onConflictDoUpdate({ target: tenantStripeProducts.stripeProductId, set: values });
    }
    for (const p of prices) {
      const cents = p.unit_amount ?? 0;
      const values = {
        tenantId: input.tenantId,
        stripeProductId: typeof p.product === 'string' ? p.product : p.product.id,
        stripePriceId: p.id,
        unitAmount: ZERO_DECIMAL.has(p.currency) ? new Decimal(cents) : new Decimal(cents).div(100),
        currency: p.currency,
        interval: p.recurring?.interval ?? null,
        active: p.active,
        updatedAt: now,
      };
      await tx.insert(tenantStripePrices).values(values).onConflictDoUpdate({ target: tenantStripePrices.stripePriceId, set: values });
    }
    await writeAudit(tx, ctx, 'vip_catalog.sync', { tenantId: input.tenantId, products: products.length, prices: prices.length });
    return { products: products.length, prices: prices.length };
  },
});

export function planTypeOf(interval: string | null): 'monthly' | 'annual' | 'lifetime' {
  return interval === 'year' ? 'annual' : interval === 'month' ? 'monthly' : 'lifetime';
}
