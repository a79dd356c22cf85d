/** Tenants with their members (tenant_users) and bot connections (never their tokens). Read-only for now. */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tenantBotConnections, tenants, tenantUsers, users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listTenants = defineVerb({
  name: 'tenant.list_all',
  input: z.object({}).default({}),
  allow: isStaff,
  transactional: false,
  run: async ({ tx }) => {
    const [tenantRows, members, connections] = await Promise.all([
      tx.select().from(tenants).orderBy(asc(tenants.id)),
      tx
        .select({ tenantId: tenantUsers.tenantId, userId: tenantUsers.userId, email: sql<string | null>`coalesce(${users.email}, ${tenantUsers.email})`, role: tenantUsers.role, createdAt: tenantUsers.createdAt })
        .from(tenantUsers)
        .leftJoin(users, eq(users.id, tenantUsers.userId))
        .orderBy(asc(tenantUsers.createdAt)),
      tx
        .select({ tenantId: tenantBotConnections.tenantId, botRole: tenantBotConnections.botRole, botUsername: tenantBotConnections.botUsername, channelId: tenantBotConnections.channelId })
        .from(tenantBotConnections),
    ]);
    return tenantRows.map((t) => ({
      ...t,
      members: members.filter((m) => m.tenantId === t.id),
      botConnections: connections.filter((c) => c.tenantId === t.id),
    }));
  },
});
