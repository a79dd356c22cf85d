/**
 * Deliver pending notifications to each user's linked chats, by their preferences (see
 * services/notifications/plan-deliveries.ts). Safe to run often and from several processes:
 * rows are leased before sending, each user's outcomes are recorded right after, and a chat
 * that blocked the bot is marked unreachable instead of being retried.
 * Call it from a schedule: deliverPendingNotifications(env, senders).
 */
import type { ServiceEnv } from '../services/core/context.ts';
import { systemContext } from '../services/core/context.ts';
import { claimNotifications } from '../services/notifications/claim-notifications.ts';
import { listDeliverableNotifications, type DeliverableBundle } from '../services/notifications/list-deliverable-notifications.ts';
import { planUserDeliveries, type ChatApp } from '../services/notifications/plan-deliveries.ts';
import { recordDeliveryOutcomes } from '../services/notifications/record-delivery-outcomes.ts';
import { digestReply, notificationReply } from '../bots/presenters/notification-reply.ts';
import { DeliveryError, type ChatSenders } from '../bots/core/sender.ts';

export interface DeliveryReport { sent: number; messages: number; waiting: number; settled: number; failed: number; blocked: number }

export async function deliverPendingNotifications(env: ServiceEnv, senders: ChatSenders, options: { limit?: number } = {}): Promise<DeliveryReport> {
  const ctx = systemContext(env, 'notifications.deliver');
  const report: DeliveryReport = { sent: 0, messages: 0, waiting: 0, settled: 0, failed: 0, blocked: 0 };
  const bundles = await listDeliverableNotifications({ ctx, input: { limit: options.limit ?? 500 } });
  for (const bundle of bundles) {
    try {
      await deliverBundle(bundle);
    } catch (err) {
      env.logger.error({ err, userId: bundle.recipient.userId }, 'notification delivery failed for a user');
    }
  }
  return report;

  async function deliverBundle(bundle: DeliverableBundle) {
    const plan = planUserDeliveries(env.clock.now(), bundle.recipient, bundle.items);
    report.waiting += plan.waiting.length;
    // An app this process cannot send to (not configured here) leaves its items pending for one that can.
    const canSend = (app: ChatApp) => Boolean(senders[app] && bundle.chatIds[app] && (senders[app]!.reaches?.(bundle.chatIds[app]!) ?? true));
    const batches = plan.batches.map((b) => ({ ...b, apps: b.apps.filter(canSend) })).filter((b) => b.apps.length > 0);
    const claimed = new Set(await claimNotifications({ ctx, input: { ids: batches.flatMap((b) => b.items.map((i) => i.id)) } }));
    const sent: string[] = [];
    const failed: { id: string; attempts: number; reason: string }[] = [];
    const settled = [...plan.settled];
    const blocked: { userId: string; app: Exclude<ChatApp, 'console'> }[] = [];
    for (const batch of batches) {
      const items = batch.items.filter((i) => claimed.has(i.id));
      if (items.length === 0) continue;
      const message = batch.digest ? digestReply(items, batch.digest) : notificationReply(items[0]);
      let delivered = 0;
      const errors: DeliveryError[] = [];
      for (const app of batch.apps) {
        const to = bundle.chatIds[app];
        if (!to || blocked.some((b) => b.app === app)) continue;
        try {
          await senders[app]!.send(to, message);
          delivered++;
          report.messages++;
        } catch (error) {
          const e = error instanceof DeliveryError ? error : new DeliveryError(String(error), false);
          errors.push(e);
          if (e.blocked && app !== 'console') blocked.push({ userId: bundle.recipient.userId, app });
          env.logger.warn({ app, userId: bundle.recipient.userId, blocked: e.blocked, err: e }, 'notification not delivered');
        }
      }
      if (delivered > 0) sent.push(...items.map((i) => i.id));
      else if (errors.length > 0 && errors.every((e) => e.blocked)) settled.push(...items.map((i) => ({ id: i.id, reason: 'unreachable: the user blocked the bot' })));
      else failed.push(...items.map((i) => ({ id: i.id, attempts: i.attempts, reason: errors[0]?.message ?? 'not sent' })));
    }
    await recordDeliveryOutcomes({ ctx, input: { sent, failed, settled, blocked } });
    report.sent += sent.length;
    report.failed += failed.length;
    report.settled += settled.length;
    report.blocked += blocked.length;
  }
}
