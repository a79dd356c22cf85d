/** Job queue health: per-queue queued/active/failed counts, or null when no queue runs here. */
import { z } from 'zod';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export interface QueueHealth {
  available: boolean;
  queues: { name: string; queued: number; active: number; failed: number }[];
  totals: { queued: number; active: number; failed: number };
}

export const getQueueHealth = defineVerb({
  name: 'queue.health',
  input: z.object({}).default({}),
  allow: isStaff,
  transactional: false,
  run: async ({ ctx }): Promise<QueueHealth> => {
    const queues = ctx.env.queue ? await ctx.env.queue.stats() : [];
    const totals = queues.reduce((t, q) => ({ queued: t.queued + q.queued, active: t.active + q.active, failed: t.failed + q.failed }), { queued: 0, active: 0, failed: 0 });
    return { available: ctx.env.queue !== null, queues, totals };
  },
});
