/** Active staff accounts (for ticket assignment and the roles page). */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listStaff = defineVerb({
  name: 'user.list_staff',
  input: z.object({}).default({}),
  allow: isStaff,
  transactional: false,
  run: async ({ tx }) =>
    tx
      .select({ id: users.id, email: users.email, fullName: users.fullName, role: users.role })
      .from(users)
      .where(and(inArray(users.role, ['admin', 'superadmin']), eq(users.status, 'active'), isNotNull(users.email)))
      .orderBy(asc(users.email)),
});
