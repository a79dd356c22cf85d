/** Make a user an admin or member of a community (tenant_users). */
import { z } from 'zod';
import { tenantUsers } from '../../db/schema/index.ts';
import { TENANT_ROLES } from '../../shared/enums.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from './tenant-access.ts';

export const addTenantUser = defineVerb({
  name: 'tenant_user.add',
  input: z.object({
    tenantId: tenantIdSchema,
    userId: z.string().min(1),
    role: z.enum(TENANT_ROLES).default('member'),
    email: z.email().optional(),
  }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [row] = await tx
      .insert(tenantUsers)
      .values({ tenantId: input.tenantId, userId: input.userId, role: input.role, email: input.email ?? null })
      .onConflictDoUpdate({ target: [tenantUsers.tenantId, tenantUsers.userId], set: { role: input.role } })
      .returning();
    await writeAudit(tx, ctx, 'tenant_user.add', { tenantId: input.tenantId, userId: input.userId, role: input.role });
    return row;
  },
});
