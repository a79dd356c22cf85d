/**
 * Writing to the channel outbox (channel_messages). A reply is one row per lifecycle event;
 * an edit is at most one pending row per signal whose text a newer state replaces, so when
 * Telegram's ~20 edits per minute per group hold an edit back, only the latest state is sent.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { channelMessages } from '../../db/schema/index.ts';

export interface OutboxTarget {
  tenantId: string;
  chatId: string;
  botRole?: 'signal_bot' | 'message_bot';
  forexSignalId?: string | null;
}

export async function queueChannelMessage(
  tx: DbOrTx,
  target: OutboxTarget,
  message: { kind: 'post' | 'reply' | 'recap' | 'promo'; text: string; dedupeKey?: string | null; now: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(channelMessages)
    .values({
      tenantId: target.tenantId,
      chatId: target.chatId,
      botRole: target.botRole ?? 'signal_bot',
      forexSignalId: target.forexSignalId ?? null,
      kind: message.kind,
      text: message.text,
      dedupeKey: message.dedupeKey ?? null,
      createdAt: message.now,
    })
    .onConflictDoNothing()
    .returning({ id: channelMessages.id });
  return rows.length > 0;
}

export async function queueSignalEdit(tx: DbOrTx, target: OutboxTarget & { forexSignalId: string }, text: string, now: Date): Promise<void> {
  await tx
    .insert(channelMessages)
    .values({ tenantId: target.tenantId, chatId: target.chatId, botRole: target.botRole ?? 'signal_bot', forexSignalId: target.forexSignalId, kind: 'edit', text, createdAt: now })
    .onConflictDoUpdate({
      target: channelMessages.forexSignalId,
      targetWhere: sql`${channelMessages.kind} = 'edit' and ${channelMessages.status} = 'pending'`,
      set: { text },
    });
}
