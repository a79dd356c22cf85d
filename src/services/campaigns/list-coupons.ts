/** The coupon codes a community has issued (its coupon bot), newest first. */
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { coupons } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';

export const listTenantCoupons = defineVerb({
  name: 'coupon.list',
  input: z.object({ tenantId: tenantIdSchema, limit: z.coerce.number().int().min(1).max(200).default(25) }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    return tx
      .select({ id: coupons.id, code: coupons.code, discountPercent: coupons.discountPercent, description: coupons.description, isActive: coupons.isActive, maxUses: coupons.maxUses, currentUses: coupons.currentUses, expirationDate: coupons.expirationDate, createdAt: coupons.createdAt })
      .from(coupons)
      .where(eq(coupons.tenantId, input.tenantId))
      .orderBy(desc(coupons.createdAt))
      .limit(input.limit);
  },
});
