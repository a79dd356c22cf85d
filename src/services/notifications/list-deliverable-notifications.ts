/**
 * Pending chat notifications grouped by user, with what the planner needs about each user.
 * Pending = not delivered, not settled (failure_reason null), under the attempt limit, and due
 * (scheduled_for passed: it is both "send at" and the lease/backoff of a claimed row).
 */
import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { notificationPreferences, notifications, users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import type { ChatApp, PendingNotification, Recipient } from './plan-deliveries.ts';

export const MAX_DELIVERY_ATTEMPTS = 5;
export const CHAT_NOTIFICATION_CHANNELS = ['IN_APP', 'TELEGRAM', 'DISCORD'] as const;

export interface DeliverableBundle {
  recipient: Recipient;
  chatIds: Record<ChatApp, string | null>;
  items: PendingNotification[];
}

export const listDeliverableNotifications = defineVerb({
  name: 'notification.list_deliverable',
  input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).default({ limit: 500 }),
  allow: (actor) => actor.kind === 'system',
  transactional: false,
  run: async ({ ctx, input, tx }): Promise<DeliverableBundle[]> => {
    const now = ctx.env.clock.now();
    const rows = await tx
      .select({ n: notifications, u: users, p: notificationPreferences })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
      .where(
        and(
          eq(notifications.delivered, false),
          isNull(notifications.failureReason),
          lt(notifications.attempts, MAX_DELIVERY_ATTEMPTS),
          inArray(notifications.channel, [...CHAT_NOTIFICATION_CHANNELS]),
          or(isNull(notifications.scheduledFor), lte(notifications.scheduledFor, now)),
        ),
      )
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .limit(input.limit);

    const bundles = new Map<string, DeliverableBundle>();
    for (const { n, u, p } of rows) {
      let bundle = bundles.get(u.id);
      if (!bundle) {
        const quiet = p?.quietHoursEnabled && p.quietHoursStart !== null && p.quietHoursEnd !== null ? { start: p.quietHoursStart!, end: p.quietHoursEnd! } : null;
        bundle = {
          chatIds: { telegram: u.telegramChatId, discord: u.discordUserId, console: u.consoleUserId },
          recipient: {
            userId: u.id,
            active: u.isActive && (u.status === 'active' || (u.status === 'suspended' && u.suspendedUntil !== null && u.suspendedUntil <= now)),
            timezone: u.timezone,
            digest: (p?.digestFrequency ?? 'realtime') as Recipient['digest'],
            quietHours: quiet,
            apps: {
              telegram: { linked: Boolean(u.telegramChatId), blocked: Boolean(u.telegramBlockedAt), enabled: p?.telegramEnabled ?? false, botAlerts: p?.telegramBotAlerts ?? true, trades: p?.telegramTrades ?? true, criticalOnly: p?.telegramCriticalOnly ?? false },
              discord: { linked: Boolean(u.discordUserId), blocked: Boolean(u.discordBlockedAt), enabled: p?.discordEnabled ?? false, botAlerts: p?.discordBotAlerts ?? true, trades: p?.discordTrades ?? true, criticalOnly: p?.discordCriticalOnly ?? false },
              console: { linked: Boolean(u.consoleUserId), blocked: false, enabled: true, botAlerts: p?.telegramBotAlerts ?? true, trades: p?.telegramTrades ?? true, criticalOnly: p?.telegramCriticalOnly ?? false },
            },
          },
          items: [],
        };
        bundles.set(u.id, bundle);
      }
      bundle.items.push({ id: n.id, type: n.type, priority: n.priority, channel: n.channel, title: n.title, message: n.message, metadata: (n.metadata as Record<string, unknown> | null) ?? null, createdAt: n.createdAt, attempts: n.attempts });
    }
    return [...bundles.values()];
  },
});
