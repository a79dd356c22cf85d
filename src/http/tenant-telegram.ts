/**
 * POST /telegram/:tenantId/:botRole — one process serves every tenant's bots. The update is
 * accepted only with that bot's X-Telegram-Bot-Api-Secret-Token (constant-time compare); an
 * update_id already seen (Telegram resends when we are slow) is acknowledged and ignored.
 */
import { Hono } from 'hono';
import { tenantBotFor } from '../bots/tenants/tenant-bot.ts';
import type { ServiceEnv } from '../services/core/context.ts';
import { safeEqual } from '../services/signals/authenticate-signal-request.ts';
import { loadTenantBotForWebhook } from '../services/tenants/load-tenant-bot.ts';
import { markTelegramUpdateSeen } from '../services/tenants/record-bot-user.ts';
import type { AppEnv } from './app.ts';

export function tenantTelegramRoutes(env: ServiceEnv): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/telegram/:tenantId/:botRole', async (c) => {
    const bot = await loadTenantBotForWebhook(env, c.req.param('tenantId'), c.req.param('botRole'));
    if (!bot) return c.json({ error: 'No such bot.' }, 404);
    if (!safeEqual(c.req.header('x-telegram-bot-api-secret-token') ?? '', bot.webhookSecret)) return c.json({ error: 'Wrong secret token.' }, 401);
    const update = (await c.req.json().catch(() => null)) as { update_id?: unknown } | null;
    if (!update || typeof update.update_id !== 'number') return c.json({ error: 'Not a Telegram update.' }, 400);
    if (!(await markTelegramUpdateSeen(env, bot.connectionId, update.update_id))) return c.json({ ok: true, duplicate: true });
    try {
      await tenantBotFor(env, bot).handleUpdate(update as Parameters<ReturnType<typeof tenantBotFor>['handleUpdate']>[0]);
    } catch (error) {
      // Already marked seen: answering an error would only make Telegram resend what we now ignore.
      env.logger.error({ err: error, tenantId: bot.tenantId, botRole: bot.botRole, updateId: update.update_id }, 'tenant bot update failed');
    }
    return c.json({ ok: true });
  });
  return app;
}
