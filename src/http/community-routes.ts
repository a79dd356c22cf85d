/** Webhooks of the signals and communities area, mounted by app.ts in one line. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../services/core/context.ts';
import type { AppEnv } from './app.ts';
import { signalWebhookRoutes } from './signal-webhooks.ts';
import { stripeWebhookRoutes } from './stripe-webhooks.ts';
import { tenantTelegramRoutes } from './tenant-telegram.ts';

export function mountCommunityRoutes(app: Hono<AppEnv>, env: ServiceEnv): void {
  app.route('/', signalWebhookRoutes(env));
  app.route('/', stripeWebhookRoutes(env));
  app.route('/', tenantTelegramRoutes(env));
}
