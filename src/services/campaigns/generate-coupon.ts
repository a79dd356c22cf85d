/**
 * A coupon code for a chat contact (PromoStack's coupon bot): a single-use code in `coupons`
 * (tenant_id set), remembered as bot_users.last_coupon_code, and every attempt counted in
 * bot_usage (success or the error type). An active campaign's end date limits the code.
 */
import { randomInt } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { botUsage, botUsers, campaigns, coupons } from '../../db/schema/index.ts';
import { DEVICE_TYPES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';
import { readBotSettings } from '../tenants/tenant-settings.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: codes are typed by people

export function randomCouponCode(prefix: string, length = 8): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix.toUpperCase().replace(/[^A-Z0-9]/g, '')}${code}`;
}

export const generateCoupon = defineVerb({
  name: 'coupon.generate',
  input: z.object({ tenantId: tenantIdSchema, chatId: z.number().int(), templateSlug: z.string().max(60).optional(), deviceType: z.enum(DEVICE_TYPES).optional() }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    const now = ctx.env.clock.now();
    const usage = { tenantId: input.tenantId, chatId: input.chatId, templateSlug: input.templateSlug ?? null, deviceType: input.deviceType ?? null, createdAt: now };
    const [contact] = await tx.select({ id: botUsers.id }).from(botUsers).where(and(eq(botUsers.tenantId, input.tenantId), eq(botUsers.chatId, input.chatId)));
    if (!contact) {
      await tx.insert(botUsage).values({ ...usage, success: false, errorType: 'unknown_contact' });
      return { ok: false as const, reason: 'Start a chat with the bot first.' };
    }
    const settings = await readBotSettings(tx, input.tenantId);
    const [campaign] = await tx.select().from(campaigns).where(and(eq(campaigns.tenantId, input.tenantId), eq(campaigns.status, 'active'))).orderBy(desc(campaigns.createdAt)).limit(1);
    let code = '';
    for (let attempt = 0; attempt < 5 && !code; attempt += 1) {
      const candidate = randomCouponCode(settings.coupon_prefix);
      const inserted = await tx
        .insert(coupons)
        .values({
          code: candidate,
          discountPercent: Math.round(settings.coupon_discount_percent),
          description: campaign ? `Campaign: ${campaign.title}` : 'Bot coupon',
          maxUses: 1,
          expirationDate: campaign?.endDate ? new Date(`${campaign.endDate}T23:59:59Z`) : null,
          tenantId: input.tenantId,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ code: coupons.code });
      code = inserted[0]?.code ?? '';
    }
    if (!code) {
      await tx.insert(botUsage).values({ ...usage, success: false, errorType: 'code_collision' });
      return { ok: false as const, reason: 'No code could be generated; please try again.' };
    }
    await tx.update(botUsers).set({ lastCouponCode: code, updatedAt: now }).where(eq(botUsers.id, contact.id));
    await tx.insert(botUsage).values({ ...usage, couponCode: code, success: true });
    return { ok: true as const, code, discountPercent: Math.round(settings.coupon_discount_percent), campaign: campaign?.title ?? null };
  },
});
