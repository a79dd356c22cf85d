/** Forget Telegram update ids after a week (Telegram resends within minutes, never weeks later). */
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { processedWebhookEvents } from '../../db/schema/index.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';

export const pruneTelegramUpdates = defineVerb({
  name: 'telegram_update.prune',
  input: z.object({ olderThanDays: z.number().int().min(1).default(7) }),
  allow: isSystemOrStaff,
  run: async ({ ctx, input, tx }) => {
    const before = new Date(ctx.env.clock.now().getTime() - input.olderThanDays * 86_400_000);
    const rows = await tx
      .delete(processedWebhookEvents)
      .where(and(eq(processedWebhookEvents.eventType, 'telegram.update'), lt(processedWebhookEvents.processedAt, before)))
      .returning({ id: processedWebhookEvents.eventId });
    return { pruned: rows.length };
  },
});
