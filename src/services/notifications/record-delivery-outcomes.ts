/**
 * After a delivery run: sent rows are delivered; failed rows count an attempt and back off, and
 * give up (failure_reason) at MAX_DELIVERY_ATTEMPTS; settled rows get their reason; chats that
 * blocked the bot mark the user unreachable there until they write to the bot again.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { notifications, users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { MAX_DELIVERY_ATTEMPTS } from './list-deliverable-notifications.ts';

const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];
const reason = z.string().max(500);

export const recordDeliveryOutcomes = defineVerb({
  name: 'notification.record_delivery',
  input: z.object({
    sent: z.array(z.string()).default([]),
    failed: z.array(z.object({ id: z.string(), attempts: z.number().int().min(0), reason })).default([]),
    settled: z.array(z.object({ id: z.string(), reason })).default([]),
    blocked: z.array(z.object({ userId: z.string(), app: z.enum(['telegram', 'discord']) })).default([]),
  }),
  allow: (actor) => actor.kind === 'system',
  run: async ({ ctx, input, tx }): Promise<void> => {
    const now = ctx.env.clock.now();
    if (input.sent.length) {
      await tx
        .update(notifications)
        .set({ delivered: true, deliveredAt: now, attempts: sql`${notifications.attempts} + 1`, failureReason: null, scheduledFor: null, updatedAt: now })
        .where(inArray(notifications.id, input.sent));
    }
    for (const f of input.failed) {
      const attempts = f.attempts + 1;
      const final = attempts >= MAX_DELIVERY_ATTEMPTS;
      await tx
        .update(notifications)
        .set({
          attempts,
          failureReason: final ? `gave up after ${attempts} attempts: ${f.reason}`.slice(0, 500) : null,
          scheduledFor: final ? null : new Date(now.getTime() + BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]),
          updatedAt: now,
        })
        .where(eq(notifications.id, f.id));
    }
    for (const s of input.settled) await tx.update(notifications).set({ failureReason: s.reason, scheduledFor: null, updatedAt: now }).where(eq(notifications.id, s.id));
    for (const b of input.blocked) {
      await tx.update(users).set(b.app === 'telegram' ? { telegramBlockedAt: now } : { discordBlockedAt: now }).where(eq(users.id, b.userId));
    }
  },
});
