/** A tenant's Stripe settings for VIP (tenant_stripe_settings): the Connect account and the default product/price. */
import { z } from 'zod';
import { tenantStripeSettings } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';

const stripeId = (prefix: string) => z.string().trim().regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`), `must be a Stripe id starting with ${prefix}_`);

export const configureVipPayments = defineVerb({
  name: 'vip_settings.configure',
  input: z.object({
    tenantId: tenantIdSchema,
    stripeAccountId: stripeId('acct').nullable().optional(),
    vipProductId: stripeId('prod').nullable().optional(),
    vipPriceId: stripeId('price').nullable().optional(),
  }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const { tenantId, ...values } = input;
    const [row] = await tx
      .insert(tenantStripeSettings)
      .values({ tenantId, ...values })
      .onConflictDoUpdate({ target: tenantStripeSettings.tenantId, set: values })
      .returning();
    await writeAudit(tx, ctx, 'vip_settings.configure', { tenantId, changed: Object.keys(values) });
    return row;
  },
});
