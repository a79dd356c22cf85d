/**
 * Pure rules for one user's pending notifications: which go out now, to which chat apps, one by
 * one or as a digest; which wait (quiet hours, digest window); which are settled without sending.
 *   - CRITICAL goes out at once, through quiet hours and digests.
 *   - Quiet hours (local to the user's time zone) hold everything else until they end.
 *   - Hourly digest: everything created before the current local hour goes out as one message;
 *     daily digest: everything created before the latest local DAILY_DIGEST_HOUR:00.
 *   - Critical-only, the per-type switches (bot alerts, trades) and per-app switches filter.
 */
import { dailyCutoff, hourCutoff, inQuietHours, localParts, safeTimeZone } from './local-time.ts';

export const DAILY_DIGEST_HOUR = 8;
export const MAX_BATCHES_PER_USER = 20;

/** console is the terminal (npm run chat): it takes IN_APP notifications and follows Telegram's switches. */
export type ChatApp = 'telegram' | 'discord' | 'console';

export interface PendingNotification {
  id: string;
  type: string;
  priority: string;
  channel: string;
  title: string;
  message: string;
  metadata: Record<string, unknown> | null;
  createdAt: Date;
  attempts: number;
}

export interface AppPrefs { linked: boolean; blocked: boolean; enabled: boolean; botAlerts: boolean; trades: boolean; criticalOnly: boolean }

export interface Recipient {
  userId: string;
  active: boolean;
  timezone: string | null;
  apps: Record<ChatApp, AppPrefs>;
  digest: 'realtime' | 'hourly' | 'daily';
  quietHours: { start: number; end: number } | null;
}

export interface DeliveryBatch { apps: ChatApp[]; items: PendingNotification[]; digest: 'hourly' | 'daily' | null }
export interface DeliveryPlan { batches: DeliveryBatch[]; settled: { id: string; reason: string }[]; waiting: string[] }

const BOT_ALERTS = new Set(['BOT_CREATED', 'BOT_STARTED', 'BOT_STOPPED', 'BOT_ERROR']);
const TRADES = new Set(['TRADE_EXECUTED', 'STOP_LOSS_HIT', 'TAKE_PROFIT_HIT']);
const APPS: ChatApp[] = ['telegram', 'discord', 'console'];

export function planUserDeliveries(now: Date, r: Recipient, items: PendingNotification[]): DeliveryPlan {
  const plan: DeliveryPlan = { batches: [], settled: [], waiting: [] };
  const tz = safeTimeZone(r.timezone);
  const quiet = r.quietHours ? inQuietHours(localParts(now, tz).hour, r.quietHours.start, r.quietHours.end) : false;
  const cutoff = r.digest === 'hourly' ? hourCutoff(now, tz) : r.digest === 'daily' ? dailyCutoff(now, tz, DAILY_DIGEST_HOUR) : null;
  const digestGroups = new Map<string, DeliveryBatch>();

  for (const item of items) {
    if (!r.active) {
      plan.settled.push({ id: item.id, reason: 'skipped: account not active' });
      continue;
    }
    const routed = route(r, item);
    if ('reason' in routed) {
      plan.settled.push({ id: item.id, reason: routed.reason });
      continue;
    }
    const critical = item.priority === 'CRITICAL';
    if (!critical && quiet) plan.waiting.push(item.id);
    else if (critical || !cutoff) plan.batches.push({ apps: routed.apps, items: [item], digest: null });
    else if (item.createdAt < cutoff) {
      const key = routed.apps.join(',');
      const group = digestGroups.get(key) ?? { apps: routed.apps, items: [], digest: r.digest as 'hourly' | 'daily' };
      group.items.push(item);
      digestGroups.set(key, group);
    } else plan.waiting.push(item.id);
  }
  plan.batches.push(...digestGroups.values());
  // Keep a flood (say, a thousand trades) from monopolizing one run; the rest go next run.
  for (const extra of plan.batches.splice(MAX_BATCHES_PER_USER)) plan.waiting.push(...extra.items.map((i) => i.id));
  return plan;
}

function route(r: Recipient, item: PendingNotification): { apps: ChatApp[] } | { reason: string } {
  const candidates = APPS.filter((app) => item.channel === 'IN_APP' || item.channel === app.toUpperCase());
  const linked = candidates.filter((app) => r.apps[app].linked);
  if (linked.length === 0) return { reason: 'skipped: no linked chat' };
  const reachable = linked.filter((app) => !r.apps[app].blocked);
  if (reachable.length === 0) return { reason: 'unreachable: the user blocked the bot' };
  const apps = reachable.filter((app) => {
    const p = r.apps[app];
    if (!p.enabled) return false;
    if (p.criticalOnly && item.priority !== 'CRITICAL') return false;
    if (BOT_ALERTS.has(item.type) && !p.botAlerts) return false;
    if (TRADES.has(item.type) && !p.trades) return false;
    return true;
  });
  return apps.length ? { apps } : { reason: 'skipped: muted by preferences' };
}
