/**
 * Chat update ids only need remembering while a platform might still resend them (Telegram
 * retries for about a day); older ones are deleted so processed_webhook_events stays small.
 * Other webhook events (Stripe, signals) are left alone. Meant for a daily schedule.
 */
import { and, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { processedWebhookEvents } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';

export const CHAT_UPDATE_RETENTION_MS = 7 * 24 * 3600_000;

export const pruneChatUpdates = defineVerb({
  name: 'chat.prune_updates',
  input: z.object({}).default({}),
  allow: (actor) => actor.kind === 'system',
  run: async ({ ctx, tx }): Promise<{ deleted: number }> => {
    const before = new Date(ctx.env.clock.now().getTime() - CHAT_UPDATE_RETENTION_MS);
    const rows = await tx
      .delete(processedWebhookEvents)
      .where(and(inArray(processedWebhookEvents.eventType, ['telegram_update', 'discord_interaction']), lt(processedWebhookEvents.processedAt, before)))
      .returning({ id: processedWebhookEvents.eventId });
    return { deleted: rows.length };
  },
});
