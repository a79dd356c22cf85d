/**
 * Telegram resends an update it thinks we missed (a slow webhook answer, a restart during long
 * polling). Each update id is recorded in processed_webhook_events before it acts; a repeat
 * finds it there and is ignored, across restarts and instances alike.
 */
import { z } from 'zod';
import { processedWebhookEvents } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';

export const claimChatUpdate = defineVerb({
  name: 'chat.claim_update',
  input: z.object({ eventId: z.string().min(1).max(128), eventType: z.string().min(1).max(64) }),
  transactional: false,
  run: async ({ ctx, input, tx }): Promise<{ first: boolean }> => {
    const rows = await tx
      .insert(processedWebhookEvents)
      .values({ eventId: input.eventId, eventType: input.eventType, processedAt: ctx.env.clock.now() })
      .onConflictDoNothing()
      .returning({ eventId: processedWebhookEvents.eventId });
    return { first: rows.length === 1 };
  },
});
