/** Audit rows, newest first, filterable by action prefix and user (superadmin). */
import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLogs, users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, optionalText, pageFields, toPage } from '../admin-core/pagination.ts';
import { isSuperadmin } from '../admin-core/roles.ts';

export const listAuditLogs = defineVerb({
  name: 'audit_log.list',
  input: z.object({ action: optionalText, userId: optionalText, ...pageFields }),
  allow: isSuperadmin,
  transactional: false,
  run: async ({ input, tx }) => {
    const filters: SQL[] = [];
    if (input.action) filters.push(like(auditLogs.action, `${input.action.replace(/[%_\\]/g, '\\$&')}%`));
    if (input.userId) filters.push(eq(auditLogs.userId, input.userId));
    const where = filters.length ? and(...filters) : undefined;
    const rows = await tx
      .select({ log: auditLogs, email: users.email })
      .from(auditLogs)
      .leftJoin(users, eq(users.id, auditLogs.userId))
      .where(where)
      .orderBy(desc(auditLogs.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(auditLogs).where(where);
    return toPage(rows.map((r) => ({ ...r.log, email: r.email })), n, input);
  },
});
