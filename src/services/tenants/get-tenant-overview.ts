/**
 * One community at a glance: the tenant, its members (tenant_users), its bot connections
 * (username, channel, when connected — never the token or the webhook secret) and how many
 * chat contacts it has (and how many blocked its bot).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { botUsers, tenantBotConnections, tenants, tenantUsers, users } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from './tenant-access.ts';

export const getTenantOverview = defineVerb({
  name: 'tenant.overview',
  input: z.object({ tenantId: tenantIdSchema }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId));
    if (!tenant) throw notFound('This community');
    const [members, botConnections, [contacts]] = await Promise.all([
      tx
        .select({ userId: tenantUsers.userId, email: sql<string | null>`coalesce(${users.email}, ${tenantUsers.email})`, name: users.fullName, role: tenantUsers.role, createdAt: tenantUsers.createdAt })
        .from(tenantUsers)
        .leftJoin(users, eq(users.id, tenantUsers.userId))
        .where(eq(tenantUsers.tenantId, input.tenantId))
        .orderBy(asc(tenantUsers.createdAt)),
      tx
        .select({ botRole: tenantBotConnections.botRole, botUsername: tenantBotConnections.botUsername, channelId: tenantBotConnections.channelId, createdAt: tenantBotConnections.createdAt, updatedAt: tenantBotConnections.updatedAt })
        .from(tenantBotConnections)
        .where(eq(tenantBotConnections.tenantId, input.tenantId))
        .orderBy(asc(tenantBotConnections.botRole)),
      tx
        .select({ total: sql<number>`count(*)::int`, blocked: sql<number>`count(${botUsers.blockedAt})::int` })
        .from(botUsers)
        .where(eq(botUsers.tenantId, input.tenantId)),
    ]);
    return { tenant, members, botConnections, contacts: { total: contacts?.total ?? 0, blocked: contacts?.blocked ?? 0 } };
  },
});
