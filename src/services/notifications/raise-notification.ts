/**
 * Outbound events become `notifications` rows, one per channel the user can be reached on;
 * the delivery job (jobs/) sends them by the user's preferences. Raising happens inside the
 * caller's transaction, so a notification exists exactly when the change it reports does.
 */
import type { DbOrTx } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';
import type { NOTIFICATION_CHANNELS, NOTIFICATION_PRIORITIES, NOTIFICATION_TYPES } from '../../shared/enums.ts';

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number];

export interface RaiseNotification {
  userId: string;
  type: NotificationType;
  title: string;
  message: string;
  priority?: NotificationPriority;
  metadata?: Record<string, unknown>;
  /** Defaults to IN_APP; the delivery job fans out to the user's linked chats. */
  channel?: NotificationChannel;
  scheduledFor?: Date | null;
  now: Date;
}

export async function raiseNotification(tx: DbOrTx, n: RaiseNotification): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: n.userId,
      type: n.type,
      channel: n.channel ?? 'IN_APP',
      priority: n.priority ?? 'NORMAL',
      title: n.title,
      message: n.message,
      metadata: n.metadata ?? null,
      scheduledFor: n.scheduledFor ?? null,
      createdAt: n.now,
      updatedAt: n.now,
    })
    .returning({ id: notifications.id });
  return row.id;
}
