/**
 * A Stripe Checkout for a tenant's VIP plan, usually started from the bot (/vip), so the
 * Telegram user is known and gets the invite in private after paying. Recurring prices make a
 * subscription (with the tenant's trial days, one trial per Telegram user); a one-off price is
 * lifetime access. The metadata carries the tenant and the user back in the webhook.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { telegramSubscriptions, tenantStripePrices, tenantStripeSettings } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';
import { readBotSettings } from '../tenants/tenant-settings.ts';
import { findTenantBot } from '../telegram/tenant-bot-api.ts';
import { planTypeOf } from './sync-vip-catalog.ts';
import { stripeClient } from './stripe-client.ts';

export const createVipCheckout = defineVerb({
  name: 'vip_checkout.create',
  input: z.object({
    tenantId: tenantIdSchema,
    priceId: z.string().regex(/^price_[A-Za-z0-9]+$/),
    telegramUserId: z.number().int().positive(),
    telegramUsername: z.string().max(64).optional(),
    email: z.email().optional(),
  }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    const [price] = await tx
      .select()
      .from(tenantStripePrices)
      .where(and(eq(tenantStripePrices.tenantId, input.tenantId), eq(tenantStripePrices.stripePriceId, input.priceId), eq(tenantStripePrices.active, true)));
    if (!price) throw notFound('This VIP plan');
    const [settings] = await tx.select().from(tenantStripeSettings).where(eq(tenantStripeSettings.tenantId, input.tenantId));
    const bot = await readBotSettings(tx, input.tenantId);
    const messageBot = (await findTenantBot(tx, ctx.env, input.tenantId, 'message_bot')) ?? (await findTenantBot(tx, ctx.env, input.tenantId, 'signal_bot'));
    const back = messageBot?.botUsername ? `https://t.me/${messageBot.botUsername}` : (ctx.env.config.PUBLIC_URL ?? 'https://t.me');
    const planType = planTypeOf(price.interval);
    const hadTrial = await tx
      .select({ id: telegramSubscriptions.id })
      .from(telegramSubscriptions)
      .where(and(eq(telegramSubscriptions.tenantId, input.tenantId), eq(telegramSubscriptions.telegramUserId, input.telegramUserId), isNotNull(telegramSubscriptions.trialEndsAt)));
    const trialDays = planType !== 'lifetime' && bot.vip_trial_days > 0 && hadTrial.length === 0 ? Math.round(bot.vip_trial_days) : 0;
    const metadata = { tradewire: 'vip', tenantId: input.tenantId, telegramUserId: String(input.telegramUserId), telegramUsername: input.telegramUsername ?? '', planType };
    const minute = Math.floor(ctx.env.clock.now().getTime() / 60_000);
    const session = await stripeClient(ctx.env.config).checkout.sessions.create(
      {
        mode: planType === 'lifetime' ? 'payment' : 'subscription',
        line_items: [{ price: input.priceId, quantity: 1 }],
        client_reference_id: `${input.tenantId}:${input.telegramUserId}`,
        customer_email: input.email,
        metadata,
        ...(planType === 'lifetime' ? {} : { subscription_data: { metadata, ...(trialDays ? { trial_period_days: trialDays } : {}) } }),
        success_url: bot.checkout_success_url || back,
        cancel_url: bot.checkout_cancel_url || back,
      },
      {
        idempotencyKey: `vip-checkout:${input.tenantId}:${input.telegramUserId}:${input.priceId}:${minute}`,
        ...(settings?.stripeAccountId ? { stripeAccount: settings.stripeAccountId } : {}),
      },
    );
    return { sessionId: session.id, url: session.url, planType, trialDays };
  },
});
