/** A community's broadcasts, newest first, each with its delivery counts (sent, failed, blocked, pending …). */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { broadcastDeliveries, broadcastJobs } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';

export type DeliveryCounts = { pending: number; sending: number; sent: number; blocked: number; failed: number; unknown: number };

export const listBroadcasts = defineVerb({
  name: 'broadcast.list',
  input: z.object({ tenantId: tenantIdSchema, limit: z.coerce.number().int().min(1).max(100).default(20) }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    const rows = await tx.select().from(broadcastJobs).where(eq(broadcastJobs.tenantId, input.tenantId)).orderBy(desc(broadcastJobs.createdAt), desc(broadcastJobs.id)).limit(input.limit);
    const counts = rows.length
      ? await tx
          .select({ broadcastId: broadcastDeliveries.broadcastId, status: broadcastDeliveries.status, n: sql<number>`count(*)::int` })
          .from(broadcastDeliveries)
          .where(and(eq(broadcastDeliveries.tenantId, input.tenantId), inArray(broadcastDeliveries.broadcastId, rows.map((r) => r.id))))
          .groupBy(broadcastDeliveries.broadcastId, broadcastDeliveries.status)
      : [];
    return rows.map((b) => {
      const c: DeliveryCounts = { pending: 0, sending: 0, sent: 0, blocked: 0, failed: 0, unknown: 0 };
      for (const r of counts) if (r.broadcastId === b.id && r.status in c) c[r.status as keyof DeliveryCounts] = r.n;
      return { ...b, ...c, done: b.recipients - c.pending - c.sending };
    });
  },
});
