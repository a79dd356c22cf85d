/**
 * Broadcasts of a community: write one (pending), start it (fan-out), read its progress.
 * Starting fixes the recipients (the tenant's bot_users who have not blocked the bot) as
 * broadcast_deliveries rows and enqueues one job per recipient, id = UUIDv5(broadcast,
 * recipient), all in one transaction: either every recipient is queued or none is.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { broadcastDeliveries, broadcastJobs } from '../../db/schema/index.ts';
import { TENANT_BOT_ROLES } from '../../shared/enums.ts';
import { writeAudit } from '../core/audit.ts';
import { conflict, notFound, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';
import { findTenantBot } from '../telegram/tenant-bot-api.ts';
import { deterministicUuid } from './deterministic-uuid.ts';

export const BROADCAST_QUEUE = 'community.broadcast-send';
/** Job options: a job whose worker died is retried (the delivery row prevents a second message). */
export const BROADCAST_JOB_OPTIONS = { retryLimit: 20, retryDelay: 1, expireInSeconds: 120 };

export const createBroadcast = defineVerb({
  name: 'broadcast.create',
  input: z.object({ tenantId: tenantIdSchema, message: z.string().trim().min(1).max(4096), botRole: z.enum(TENANT_BOT_ROLES).default('message_bot') }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [row] = await tx.insert(broadcastJobs).values({ ...input, status: 'pending', createdAt: ctx.env.clock.now() }).returning();
    await writeAudit(tx, ctx, 'broadcast.create', { tenantId: input.tenantId, broadcastId: row.id });
    return row;
  },
});

export const startBroadcast = defineVerb({
  name: 'broadcast.start',
  input: z.object({ tenantId: tenantIdSchema, broadcastId: z.string().min(1) }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [b] = await tx.select().from(broadcastJobs).where(and(eq(broadcastJobs.id, input.broadcastId), eq(broadcastJobs.tenantId, input.tenantId))).for('update');
    if (!b) throw notFound('This broadcast');
    const queue = ctx.env.queue;
    if (!queue) throw preconditionFailed('The job queue is not running in this process.');
    if (b.status !== 'pending') throw conflict(`This broadcast is already ${b.status}.`);
    if (!(await findTenantBot(tx, ctx.env, input.tenantId, b.botRole))) throw preconditionFailed(`Connect a ${b.botRole.replace('_', ' ')} first.`);
    const now = ctx.env.clock.now();
    await tx.execute(sql`
      insert into broadcast_deliveries (id, tenant_id, broadcast_id, bot_user_id, chat_id, status)
      select md5(${b.id} || ':' || u.id), u.tenant_id, ${b.id}, u.id, u.chat_id, 'pending'
        from bot_users u where u.tenant_id = ${input.tenantId} and u.blocked_at is null
      on conflict (broadcast_id, bot_user_id) do nothing`);
    const recipients = await tx
      .select({ id: broadcastDeliveries.id, botUserId: broadcastDeliveries.botUserId })
      .from(broadcastDeliveries)
      .where(eq(broadcastDeliveries.broadcastId, b.id));
    for (let i = 0; i < recipients.length; i += 1000) {
      const chunk = recipients.slice(i, i + 1000);
      await queue.insert(BROADCAST_QUEUE, chunk.map((r) => ({ id: deterministicUuid(`${b.id}:${r.botUserId}`), data: { deliveryId: r.id }, ...BROADCAST_JOB_OPTIONS })), { tx });
    }
    await tx.update(broadcastJobs).set({ status: recipients.length ? 'processing' : 'completed', recipients: recipients.length, startedAt: now, completedAt: recipients.length ? null : now }).where(eq(broadcastJobs.id, b.id));
    await writeAudit(tx, ctx, 'broadcast.start', { tenantId: input.tenantId, broadcastId: b.id, recipients: recipients.length });
    return { broadcastId: b.id, recipients: recipients.length };
  },
});

export const getBroadcastProgress = defineVerb({
  name: 'broadcast.progress',
  input: z.object({ tenantId: tenantIdSchema, broadcastId: z.string().min(1) }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    const [b] = await tx.select().from(broadcastJobs).where(and(eq(broadcastJobs.id, input.broadcastId), eq(broadcastJobs.tenantId, input.tenantId)));
    if (!b) throw notFound('This broadcast');
    const rows = await tx
      .select({ status: broadcastDeliveries.status, n: sql<number>`count(*)::int` })
      .from(broadcastDeliveries)
      .where(and(eq(broadcastDeliveries.broadcastId, b.id), eq(broadcastDeliveries.tenantId, input.tenantId)))
      .groupBy(broadcastDeliveries.status);
    const counts = { pending: 0, sending: 0, sent: 0, blocked: 0, failed: 0, unknown: 0, ...Object.fromEntries(rows.map((r) => [r.status, r.n])) };
    return { broadcastId: b.id, status: b.status, message: b.message, botRole: b.botRole, createdAt: b.createdAt, recipients: b.recipients, ...counts, done: b.recipients - counts.pending - counts.sending, startedAt: b.startedAt, completedAt: b.completedAt };
  },
});
