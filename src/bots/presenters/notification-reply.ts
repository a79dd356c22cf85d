/** How a notification, or a digest of several, reads in a chat. */
import type { PendingNotification } from '../../services/notifications/plan-deliveries.ts';
import { bold, reply, type Button, type Reply } from '../core/reply.ts';

const MAX_DIGEST_LINES = 30;

function buttonsFor(n: PendingNotification): Button[][] | undefined {
  const ticketId = n.metadata?.ticketId;
  if (typeof ticketId === 'string' && /^[a-z0-9]{6,32}$/.test(ticketId)) return [[{ label: 'View ticket', send: `/support view ${ticketId}` }, { label: 'Reply', send: `/support reply ${ticketId}` }]];
  return undefined;
}

export function notificationReply(n: PendingNotification): Reply {
  const title = n.priority === 'CRITICAL' ? `🔴 ${n.title}` : n.title;
  return reply(`${bold(title)}\n${n.message}`, { buttons: buttonsFor(n) });
}

export function digestReply(items: PendingNotification[], frequency: 'hourly' | 'daily'): Reply {
  if (items.length === 1) return notificationReply(items[0]);
  const lines = items.slice(0, MAX_DIGEST_LINES).map((n) => `• ${bold(n.title)}: ${n.message.length > 200 ? `${n.message.slice(0, 199)}…` : n.message}`);
  if (items.length > MAX_DIGEST_LINES) lines.push(`…and ${items.length - MAX_DIGEST_LINES} more.`);
  return reply(`${bold(`Your ${frequency} digest: ${items.length} updates`)}\n${lines.join('\n')}\n\nChange how alerts arrive in /settings notifications.`);
}
