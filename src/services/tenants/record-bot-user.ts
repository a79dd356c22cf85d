/**
 * A tenant's chat contacts (bot_users): recorded when they write to one of the tenant's bots,
 * unblocked when they write again, marked blocked when Telegram says they blocked the bot.
 * Telegram update ids are remembered per bot (processed_webhook_events, 'tg:<connection>:<id>'),
 * so an update Telegram resends is handled once.
 */
import { and, eq, sql } from 'drizzle-orm';
import { botUsers, processedWebhookEvents } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';

export interface ChatContact {
  chatId: number;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

export async function recordBotUser(env: ServiceEnv, tenantId: string, contact: ChatContact): Promise<string> {
  const now = env.clock.now();
  const values = { username: contact.username ?? null, firstName: contact.firstName ?? null, lastName: contact.lastName ?? null, blockedAt: null, updatedAt: now };
  const [row] = await env.db
    .insert(botUsers)
    .values({ tenantId, chatId: contact.chatId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: [botUsers.tenantId, botUsers.chatId], set: values })
    .returning({ id: botUsers.id });
  return row.id;
}

export async function markBotUserBlocked(env: ServiceEnv, tenantId: string, chatId: number): Promise<void> {
  await env.db
    .update(botUsers)
    .set({ blockedAt: sql`coalesce(${botUsers.blockedAt}, ${env.clock.now()})` })
    .where(and(eq(botUsers.tenantId, tenantId), eq(botUsers.chatId, chatId)));
}

/** True the first time this bot sees this update id. */
export async function markTelegramUpdateSeen(env: ServiceEnv, connectionId: string, updateId: number): Promise<boolean> {
  const rows = await env.db
    .insert(processedWebhookEvents)
    .values({ eventId: `tg:${connectionId}:${updateId}`, eventType: 'telegram.update', processedAt: env.clock.now() })
    .onConflictDoNothing()
    .returning({ id: processedWebhookEvents.eventId });
  return rows.length > 0;
}
