/**
 * Take a lease on notifications before sending them, so a second delivery run (another worker,
 * an overlapping tick) skips them. A run that dies mid-send lets the lease lapse and the
 * notification goes out again later: delivery is at least once, never lost.
 */
import { and, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';

export const DELIVERY_LEASE_MS = 2 * 60_000;

export const claimNotifications = defineVerb({
  name: 'notification.claim',
  input: z.object({ ids: z.array(z.string()).max(5000) }),
  allow: (actor) => actor.kind === 'system',
  run: async ({ ctx, input, tx }): Promise<string[]> => {
    if (input.ids.length === 0) return [];
    const now = ctx.env.clock.now();
    const rows = await tx
      .update(notifications)
      .set({ scheduledFor: new Date(now.getTime() + DELIVERY_LEASE_MS) })
      .where(and(inArray(notifications.id, input.ids), eq(notifications.delivered, false), isNull(notifications.failureReason), or(isNull(notifications.scheduledFor), lte(notifications.scheduledFor, now))))
      .returning({ id: notifications.id });
    return rows.map((r) => r.id);
  },
});
