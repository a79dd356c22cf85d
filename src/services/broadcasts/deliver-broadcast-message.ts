/**
 * One recipient of a broadcast (the job handler of `community.broadcast-send`). At most once:
 *   1. reserve this bot token's next send slot (under 30 messages/s across every worker, in Postgres);
 *   2. claim the delivery: pending → sending, committed before the HTTP call; wait for the slot;
 *   3. send, then record sent / blocked (403: the contact is marked and skipped from now on) /
 *      failed (refused by Telegram) / unknown (no answer: it may have arrived, so never repeated).
 * A 429 means Telegram did not take the message: the delivery goes back to pending, every
 * worker of this token pauses for retry_after, and the send is tried again. Running the job
 * twice is harmless: only a pending delivery is ever sent. ADR 0005 explains the choice.
 */
import { and, eq, sql } from 'drizzle-orm';
import { botUsers, broadcastDeliveries, broadcastJobs } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { classifyTelegramError } from '../telegram/telegram-errors.ts';
import { botApi, findTenantBot, type TenantBot } from '../telegram/tenant-bot-api.ts';
import { pauseSending, reserveTokenSlot, sleepUntil } from '../telegram/send-pacing.ts';

const MAX_RATE_LIMIT_RETRIES = 20;
const BOT_CACHE_MS = 30_000;
const botCache = new WeakMap<object, Map<string, { bot: TenantBot | null; until: number }>>();

async function cachedBot(env: ServiceEnv, tenantId: string, role: string): Promise<TenantBot | null> {
  let cache = botCache.get(env.db);
  if (!cache) botCache.set(env.db, (cache = new Map()));
  const key = `${tenantId}:${role}`;
  const hit = cache.get(key);
  if (hit && hit.until > performance.now()) return hit.bot;
  const bot = await findTenantBot(env.db, env, tenantId, role);
  cache.set(key, { bot, until: performance.now() + BOT_CACHE_MS });
  return bot;
}

export type DeliveryOutcome = 'sent' | 'blocked' | 'failed' | 'unknown' | 'skipped';

export async function deliverBroadcastMessage(env: ServiceEnv, deliveryId: string, options: { intervalMs?: number } = {}): Promise<DeliveryOutcome> {
  const db = env.db;
  for (let attempt = 0; attempt < MAX_RATE_LIMIT_RETRIES; attempt += 1) {
    const [d] = await db
      .select({ status: broadcastDeliveries.status, chatId: broadcastDeliveries.chatId, tenantId: broadcastDeliveries.tenantId, broadcastId: broadcastDeliveries.broadcastId, botUserId: broadcastDeliveries.botUserId, message: broadcastJobs.message, botRole: broadcastJobs.botRole })
      .from(broadcastDeliveries)
      .innerJoin(broadcastJobs, eq(broadcastJobs.id, broadcastDeliveries.broadcastId))
      .where(eq(broadcastDeliveries.id, deliveryId));
    if (!d || d.status !== 'pending') return 'skipped';
    const bot = await cachedBot(env, d.tenantId, d.botRole);
    const finish = async (status: Exclude<DeliveryOutcome, 'skipped'>, set: Partial<typeof broadcastDeliveries.$inferInsert> = {}) => {
      await db.update(broadcastDeliveries).set({ status, ...set }).where(eq(broadcastDeliveries.id, deliveryId));
      await completeBroadcastIfDone(env, d.broadcastId);
      return status;
    };
    if (!bot) return finish('failed', { error: `no ${d.botRole} connected` });
    const key = `bot:${bot.connectionId}`;
    // Reserve the slot, claim while waiting for it, then send on time: nothing that can stall
    // (a commit) sits between the wait and the call.
    const slot = await reserveTokenSlot(db, key, options.intervalMs);
    const claimed = await db
      .update(broadcastDeliveries)
      .set({ status: 'sending', claimedAt: env.clock.now(), attempts: sql`${broadcastDeliveries.attempts} + 1` })
      .where(and(eq(broadcastDeliveries.id, deliveryId), eq(broadcastDeliveries.status, 'pending')))
      .returning({ id: broadcastDeliveries.id });
    if (claimed.length === 0) return 'skipped';
    await sleepUntil(slot);
    try {
      const message = await botApi(env, bot.token).sendMessage(d.chatId, d.message, { link_preview_options: { is_disabled: true } });
      return finish('sent', { sentAt: env.clock.now(), telegramMessageId: message.message_id, error: null });
    } catch (error) {
      const failure = classifyTelegramError(error);
      if (failure.kind === 'rate_limited') {
        await pauseSending(db, key, failure.retryAfterMs);
        await db.update(broadcastDeliveries).set({ status: 'pending', error: `429: retried after ${failure.retryAfterMs} ms` }).where(eq(broadcastDeliveries.id, deliveryId));
        continue;
      }
      if (failure.kind === 'blocked') {
        await db.update(botUsers).set({ blockedAt: env.clock.now() }).where(and(eq(botUsers.id, d.botUserId), eq(botUsers.tenantId, d.tenantId)));
        return finish('blocked', { error: failure.message.slice(0, 300) });
      }
      if (failure.kind === 'unknown') env.logger.warn({ deliveryId, failure }, 'broadcast message outcome unknown; not repeated');
      return finish(failure.kind === 'rejected' ? 'failed' : 'unknown', { error: 'message' in failure ? failure.message.slice(0, 300) : failure.kind });
    }
  }
  return 'skipped'; // still pending: the job is retried later
}

export async function completeBroadcastIfDone(env: ServiceEnv, broadcastId: string): Promise<boolean> {
  const done = await env.db
    .update(broadcastJobs)
    .set({ status: 'completed', completedAt: env.clock.now() })
    .where(
      and(
        eq(broadcastJobs.id, broadcastId),
        eq(broadcastJobs.status, 'processing'),
        sql`not exists (select 1 from broadcast_deliveries where broadcast_id = ${broadcastId} and status in ('pending', 'sending'))`,
      ),
    )
    .returning({ id: broadcastJobs.id });
  return done.length > 0;
}
