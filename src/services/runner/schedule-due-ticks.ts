/**
 * The scheduler's half of the runner: find active bots whose last tick is older than the
 * interval (the [status, last_execution_at] index) and queue one tick each. The queue keeps at
 * most one waiting tick per bot (policy 'short', singleton key = bot id) and job ids are
 * deterministic per (bot, slot), so two schedulers, or a retry, never double a tick.
 */
import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { bots } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { tickSlot, uuidFromName } from './tick-ids.ts';

export const TICK_QUEUE = 'bot-tick';

export async function ensureTickQueue(env: ServiceEnv): Promise<void> {
  await env.queue?.ensureQueue(TICK_QUEUE, { policy: 'short', retryLimit: 3, retryDelay: 2, expireInSeconds: 120 });
}

export async function scheduleDueTicks(env: ServiceEnv, options: { intervalMs: number; limit?: number }): Promise<{ enqueued: number; slot: number }> {
  if (!env.queue) throw new Error('scheduleDueTicks needs env.queue');
  await ensureTickQueue(env);
  const now = env.clock.now();
  const slot = tickSlot(now, options.intervalMs);
  const dueBefore = new Date(now.getTime() - options.intervalMs + 500); // half a second of slack for timer jitter
  const due = await env.db
    .select({ id: bots.id })
    .from(bots)
    .where(and(eq(bots.status, 'active'), or(isNull(bots.lastExecutionAt), lte(bots.lastExecutionAt, dueBefore))))
    .orderBy(asc(bots.lastExecutionAt))
    .limit(options.limit ?? 50_000);
  await env.queue.insert(
    TICK_QUEUE,
    due.map((b) => ({ id: uuidFromName(`tick:${b.id}:${slot}`), singletonKey: b.id, data: { botId: b.id, slot } })),
  );
  return { enqueued: due.length, slot };
}
