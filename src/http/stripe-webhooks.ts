/**
 * POST /webhooks/stripe — verified on the raw body (never a parsed one), recorded before it
 * acts. 200 processed or already processed; 400 bad signature (Stripe shows it in the
 * dashboard); 412 not configured.
 */
import { Hono } from 'hono';
import type { ServiceEnv } from '../services/core/context.ts';
import { isServiceError } from '../services/core/errors.ts';
import { handleStripeWebhook } from '../services/vip/handle-stripe-webhook.ts';
import type { AppEnv } from './app.ts';
import { serviceErrorResponse } from './http-helpers.ts';

export function stripeWebhookRoutes(env: ServiceEnv): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/webhooks/stripe', async (c) => {
    const rawBody = await c.req.text();
    try {
      const result = await handleStripeWebhook({
        ctx: { actor: { kind: 'webhook', source: 'stripe' }, requestId: c.get('requestId'), env },
        input: { rawBody, signature: c.req.header('stripe-signature') ?? null },
      });
      return c.json({ received: true, duplicate: result.duplicate, effect: result.effect });
    } catch (error) {
      if (isServiceError(error) && error.code === 'UNAUTHORIZED') return c.json({ error: error.message }, 400);
      return serviceErrorResponse(c, error);
    }
  });
  return app;
}
