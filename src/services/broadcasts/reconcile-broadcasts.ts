/**
 * After a crash (job `community.broadcast-reconcile`, every 30 s and at start-up):
 * - a delivery left 'sending' longer than staleAfterMs may or may not have reached the person:
 *   it becomes 'unknown' and is never sent again (at most once; ADR 0005);
 * - broadcast jobs a dead worker had fetched are handed back to pg-boss (fail → retry), so the
 *   pending recipients resume at once instead of after the job's expiry;
 * - broadcasts with nothing left pending are completed.
 */
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { broadcastDeliveries, broadcastJobs } from '../../db/schema/index.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { completeBroadcastIfDone } from './deliver-broadcast-message.ts';
import { BROADCAST_QUEUE } from './manage-broadcasts.ts';

export const reconcileBroadcasts = defineVerb({
  name: 'broadcast.reconcile',
  input: z.object({ staleAfterMs: z.number().int().min(0).default(60_000), staleJobSeconds: z.number().int().min(0).default(90) }),
  allow: isSystemOrStaff,
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    const now = env.clock.now();
    const interrupted = await env.db
      .update(broadcastDeliveries)
      .set({ status: 'unknown', error: 'interrupted while sending; not repeated (it may have been delivered)' })
      .where(and(eq(broadcastDeliveries.status, 'sending'), lt(broadcastDeliveries.claimedAt, new Date(now.getTime() - input.staleAfterMs))))
      .returning({ broadcastId: broadcastDeliveries.broadcastId });
    let requeued = 0;
    if (env.queue) {
      const stale = await env.queue.boss.getDb().executeSql(
        `select id from pgboss.job where name = $1 and state = 'active' and started_on < now() - make_interval(secs => $2)`,
        [BROADCAST_QUEUE, input.staleJobSeconds],
      );
      const ids = (stale.rows as { id: string }[]).map((r) => r.id);
      if (ids.length) await env.queue.boss.fail(BROADCAST_QUEUE, ids);
      requeued = ids.length;
    }
    const open = await env.db.select({ id: broadcastJobs.id }).from(broadcastJobs).where(eq(broadcastJobs.status, 'processing'));
    let completed = 0;
    for (const b of open) if (await completeBroadcastIfDone(env, b.id)) completed += 1;
    return { interrupted: interrupted.length, requeued, completed };
  },
});
