/**
 * POST /webhooks/stripe. Verified with stripe.webhooks.constructEvent on the raw body (our
 * clock is the receive time, so tests can replay recorded events). Each event is recorded in
 * processed_webhook_events in the same transaction that acts on it: a retried event finds its
 * row and changes nothing. VIP events carry metadata.tradewire = 'vip'; other events (platform
 * billing, when it lands) are recorded and left to their own handler in this dispatcher.
 */
import Stripe from 'stripe';
import { z } from 'zod';
import { processedWebhookEvents } from '../../db/schema/index.ts';
import { ServiceError, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { applyVipEvent, fetchVipEventContext } from './apply-vip-event.ts';

export const STRIPE_TOLERANCE_SECONDS = 300;

export const handleStripeWebhook = defineVerb({
  name: 'stripe_webhook.handle',
  input: z.object({ rawBody: z.string().max(1_000_000), signature: z.string().max(4000).nullable() }),
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    const secret = env.config.STRIPE_WEBHOOK_SECRET;
    if (!secret) throw preconditionFailed('Stripe webhooks are not configured: set STRIPE_WEBHOOK_SECRET.');
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(input.rawBody, input.signature ?? '', secret, STRIPE_TOLERANCE_SECONDS, undefined, env.clock.now().getTime());
    } catch (error) {
      env.logger.warn({ err: error instanceof Error ? error.message : String(error), requestId: ctx.requestId }, 'stripe webhook refused');
      throw new ServiceError('UNAUTHORIZED', 'The Stripe signature could not be verified.');
    }
    // Calls to Stripe happen before the transaction: a failure leaves nothing recorded, so Stripe's retry works.
    const context = await fetchVipEventContext(env, event);
    const result = await env.db.transaction(async (tx) => {
      const fresh = await tx
        .insert(processedWebhookEvents)
        .values({ eventId: event.id, eventType: event.type, processedAt: env.clock.now() })
        .onConflictDoNothing()
        .returning({ id: processedWebhookEvents.eventId });
      if (fresh.length === 0) return { eventId: event.id, type: event.type, duplicate: true, effect: 'already processed' };
      const effect = await applyVipEvent(tx, ctx, event, context);
      return { eventId: event.id, type: event.type, duplicate: false, effect };
    });
    if (!result.duplicate && result.effect !== 'ignored') void env.queue?.send('vip.sync-members', {}, { singletonKey: 'vip-sync', singletonSeconds: 1 }).catch(() => {});
    return result;
  },
});
