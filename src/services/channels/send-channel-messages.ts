/**
 * The channel sender (job `community.channel-send`): drain the outbox under Telegram's limits.
 * Per chat, at most one message and one edit every `chatIntervalMs` (default 3 s: ~20 per
 * minute per group); per bot token, 30 per second. A chat that is over its budget is skipped
 * this round and its pending edit keeps being replaced by newer states (coalescing).
 *
 * A row is marked 'sending' before the call. Posts, replies, recaps and promos are sent at
 * most once (an interrupted send is marked failed, never repeated: Telegram has no idempotency
 * key); edits are safe to repeat and are retried. Same reasoning as ADR 0005.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { channelMessages, forexSignals } from '../../db/schema/index.ts';
import { isSystemOrStaff, type ServiceEnv } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { classifyTelegramError } from '../telegram/telegram-errors.ts';
import { botApi, findTenantBot } from '../telegram/tenant-bot-api.ts';
import { pauseSending, reserveTokenSlot, sleepUntil, tryTakeSendSlot } from '../telegram/send-pacing.ts';

const STALE_SENDING_MS = 2 * 60_000;

type Claimed = {
  id: string;
  tenant_id: string;
  forex_signal_id: string | null;
  bot_role: string;
  chat_id: string;
  kind: string;
  text: string;
  post_message_id: number | null;
};

export const sendChannelMessages = defineVerb({
  name: 'channel_message.send_pending',
  input: z.object({ limit: z.number().int().min(1).max(500).default(100), chatIntervalMs: z.number().int().min(0).default(3000) }),
  allow: isSystemOrStaff,
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    await recoverInterrupted(env.db, env.clock.now());
    const claimed = await claimSendable(env.db, input.limit, input.chatIntervalMs, env.clock.now());
    const outcome = { sent: 0, failed: 0, retried: 0 };
    for (const row of claimed) {
      const result = await sendOne(env, row);
      outcome[result] += 1;
    }
    return { ...outcome, claimed: claimed.length };
  },
});

/** Interrupted sends: edits go back to pending; anything else may have been delivered, so it fails. */
async function recoverInterrupted(db: Db, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - STALE_SENDING_MS);
  const stale = and(eq(channelMessages.status, 'sending'), lt(channelMessages.claimedAt, staleBefore));
  await db.update(channelMessages).set({ status: 'pending' }).where(and(stale, eq(channelMessages.kind, 'edit'), sql`not exists (select 1 from channel_messages p where p.forex_signal_id = ${channelMessages.forexSignalId} and p.kind = 'edit' and p.status = 'pending')`));
  await db.update(channelMessages).set({ status: 'failed', error: 'interrupted while sending; not repeated (it may have been delivered)' }).where(stale);
}

async function claimSendable(db: Db, limit: number, chatIntervalMs: number, now: Date): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const candidates = await tx.execute<Claimed>(sql`
      select cm.id, cm.tenant_id, cm.forex_signal_id, cm.bot_role, cm.chat_id, cm.kind, cm.text, fs.telegram_message_id as post_message_id
        from channel_messages cm left join forex_signals fs on fs.id = cm.forex_signal_id
       where cm.status = 'pending' and (cm.kind not in ('edit', 'reply') or fs.telegram_message_id is not null)
       order by cm.created_at, cm.id
       limit ${limit}
       for update of cm skip locked`);
    const picked: Claimed[] = [];
    const exhausted = new Set<string>();
    for (const row of candidates.rows) {
      const bucket = `chat:${row.chat_id}:${row.kind === 'edit' ? 'edit' : 'msg'}`;
      if (exhausted.has(bucket)) continue;
      if (chatIntervalMs > 0 && !(await tryTakeSendSlot(tx, bucket, chatIntervalMs))) {
        exhausted.add(bucket); // keep this chat's order: nothing else from it this round
        continue;
      }
      if (chatIntervalMs > 0) exhausted.add(bucket);
      picked.push(row);
    }
    if (picked.length) {
      await tx
        .update(channelMessages)
        .set({ status: 'sending', claimedAt: now, attempts: sql`${channelMessages.attempts} + 1` })
        .where(inArray(channelMessages.id, picked.map((p) => p.id)));
    }
    return picked;
  });
}

async function sendOne(env: ServiceEnv, row: Claimed): Promise<'sent' | 'failed' | 'retried'> {
  const done = (set: Partial<typeof channelMessages.$inferInsert>) => env.db.update(channelMessages).set(set).where(eq(channelMessages.id, row.id));
  const bot = await findTenantBot(env.db, env, row.tenant_id, row.bot_role);
  if (!bot) {
    await done({ status: 'failed', error: `no ${row.bot_role} connected` });
    return 'failed';
  }
  const api = botApi(env, bot.token);
  await sleepUntil(await reserveTokenSlot(env.db, `bot:${bot.connectionId}`));
  try {
    if (row.kind === 'edit') {
      await api.editMessageText(row.chat_id, row.post_message_id!, row.text);
      await done({ status: 'sent', sentAt: env.clock.now(), telegramMessageId: row.post_message_id });
      return 'sent';
    }
    const reply = row.kind === 'reply' && row.post_message_id ? { reply_parameters: { message_id: row.post_message_id, allow_sending_without_reply: true } } : {};
    const message = await api.sendMessage(row.chat_id, row.text, { ...reply, link_preview_options: { is_disabled: true } });
    await env.db.transaction(async (tx) => {
      await tx.update(channelMessages).set({ status: 'sent', sentAt: env.clock.now(), telegramMessageId: message.message_id }).where(eq(channelMessages.id, row.id));
      if (row.kind === 'post' && row.forex_signal_id) await tx.update(forexSignals).set({ telegramMessageId: message.message_id }).where(eq(forexSignals.id, row.forex_signal_id));
    });
    return 'sent';
  } catch (error) {
    const failure = classifyTelegramError(error);
    if (failure.kind === 'not_modified') {
      await done({ status: 'sent', sentAt: env.clock.now() });
      return 'sent';
    }
    if (failure.kind === 'rate_limited' || (failure.kind === 'unknown' && row.kind === 'edit')) {
      if (failure.kind === 'rate_limited') await pauseSending(env.db, `chat:${row.chat_id}:${row.kind === 'edit' ? 'edit' : 'msg'}`, failure.retryAfterMs);
      // A newer edit may have been queued meanwhile: then this one is obsolete.
      await env.db.transaction(async (tx) => {
        const newer = row.kind === 'edit' && (await tx.select({ id: channelMessages.id }).from(channelMessages).where(and(eq(channelMessages.forexSignalId, row.forex_signal_id!), eq(channelMessages.kind, 'edit'), eq(channelMessages.status, 'pending')))).length > 0;
        await tx.update(channelMessages).set(newer ? { status: 'failed', error: 'superseded by a newer state' } : { status: 'pending' }).where(eq(channelMessages.id, row.id));
      });
      return 'retried';
    }
    await done({ status: 'failed', error: failure.message.slice(0, 500) });
    env.logger.warn({ messageId: row.id, tenantId: row.tenant_id, failure }, 'channel message not sent');
    return 'failed';
  }
}
