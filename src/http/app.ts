/**
 * The one Hono app: health, and (as their issues land) webhooks, the Discord interactions
 * endpoint, Telegram webhooks and the admin console. Routes call services only.
 */
import { Hono } from 'hono';
import type { ServiceEnv } from '../services/core/context.ts';
import { checkHealth } from '../services/system/check-health.ts';
import { mountCommunityRoutes } from './community-routes.ts';
import { createAdminApi } from '../admin/api.ts';
import { createAdminRoutes } from '../admin/routes.tsx';

export type AppEnv = { Variables: { requestId: string } };

/** Something that adds routes (the Telegram webhook, Discord interactions, …). */
export type RouteMount = (app: Hono<AppEnv>) => void;

export function createApp(env: ServiceEnv, mounts: RouteMount[] = []): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('requestId', c.req.header('x-request-id') ?? crypto.randomUUID());
    await next();
    c.header('x-request-id', c.get('requestId'));
  });

  app.get('/health', async (c) => {
    const health = await checkHealth(env);
    return c.json(health, health.ok ? 200 : 503);
  });

  // The admin console and its JSON API carry their own CSRF, CSP and session middleware;
  // nothing here applies them to webhooks.
  app.route('/admin', createAdminRoutes(env));
  app.route('/api/admin', createAdminApi(env));
  // chat adapters' webhooks (Telegram, Discord interactions)
  for (const mount of mounts) mount(app);
  // signal webhooks, tenant Telegram bots, Stripe
  mountCommunityRoutes(app, env);

  app.onError((error, c) => {
    env.logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return c.json({ error: 'Something went wrong on our side. It has been logged.', requestId: c.get('requestId') }, 500);
  });

  return app;
}
