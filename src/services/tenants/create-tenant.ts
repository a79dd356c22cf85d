/** Create a community (PromoStack tenant). Platform staff only; the creator's user may be made its first admin. */
import { z } from 'zod';
import { tenants, tenantUsers } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { conflict } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { tenantIdSchema } from './tenant-access.ts';

export const createTenant = defineVerb({
  name: 'tenant.create',
  input: z.object({
    id: tenantIdSchema,
    name: z.string().trim().min(1).max(100),
    timezone: z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Europe/London').default('UTC'),
    adminUserId: z.string().min(1).optional(),
  }),
  allow: isSystemOrStaff,
  run: async ({ ctx, input, tx }) => {
    const [row] = await tx.insert(tenants).values({ id: input.id, name: input.name, timezone: input.timezone }).onConflictDoNothing().returning();
    if (!row) throw conflict(`A community with the id "${input.id}" already exists.`);
    if (input.adminUserId) await tx.insert(tenantUsers).values({ tenantId: row.id, userId: input.adminUserId, role: 'admin' });
    await writeAudit(tx, ctx, 'tenant.create', { tenantId: row.id });
    return row;
  },
});

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
