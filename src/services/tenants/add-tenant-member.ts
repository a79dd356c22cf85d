/**
 * Add a person to a community by their user id or email (the console's "add admin" form):
 * resolves the account, then addTenantUser (which checks access and writes the audit row).
 */
import { eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { TENANT_ROLES } from '../../shared/enums.ts';
import { invalid } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { addTenantUser } from './add-tenant-user.ts';
import { assertTenantAccess, tenantIdSchema } from './tenant-access.ts';

export const addTenantMember = defineVerb({
  name: 'tenant_user.add_by_lookup',
  input: z.object({
    tenantId: tenantIdSchema,
    user: z.string({ message: 'Enter a user id or an email.' }).trim().min(1, 'Enter a user id or an email.').max(200),
    role: z.enum(TENANT_ROLES).default('admin'),
  }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(or(eq(users.id, input.user), sql`lower(${users.email}) = ${input.user.toLowerCase()}`))
      .limit(1);
    if (!user) throw invalid('No account has that user id or email.', [{ field: 'user', message: 'no such account' }]);
    return addTenantUser({ ctx: { ...ctx, db: tx }, input: { tenantId: input.tenantId, userId: user.id, role: input.role, ...(user.email ? { email: user.email } : {}) } });
  },
});
