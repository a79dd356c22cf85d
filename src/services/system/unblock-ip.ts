/** Remove a blocked IP (superadmin). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { blockedIps } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isSuperadmin } from '../admin-core/roles.ts';

export const unblockIp = defineVerb({
  name: 'blocked_ip.delete',
  input: z.object({ id: z.string().min(1).max(64) }),
  allow: isSuperadmin,
  run: async ({ ctx, input, tx }) => {
    const [row] = await tx.delete(blockedIps).where(eq(blockedIps.id, input.id)).returning();
    if (!row) throw notFound('That blocked IP');
    await auditAdmin(tx, ctx, 'blocked_ip.delete', { ipAddress: row.ipAddress });
    return { removed: true };
  },
});
