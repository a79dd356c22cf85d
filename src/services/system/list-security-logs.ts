/** Security events, newest first, filterable by type and IP (superadmin). */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { securityLogs, users } from '../../db/schema/index.ts';
import { SECURITY_LOG_TYPES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, optionalEnum, optionalText, pageFields, toPage } from '../admin-core/pagination.ts';
import { isSuperadmin } from '../admin-core/roles.ts';

export const listSecurityLogs = defineVerb({
  name: 'security_log.list',
  input: z.object({ type: optionalEnum(SECURITY_LOG_TYPES), ip: optionalText, ...pageFields }),
  allow: isSuperadmin,
  transactional: false,
  run: async ({ input, tx }) => {
    const filters: SQL[] = [];
    if (input.type) filters.push(eq(securityLogs.type, input.type));
    if (input.ip) filters.push(eq(securityLogs.ipAddress, input.ip));
    const where = filters.length ? and(...filters) : undefined;
    const rows = await tx
      .select({ log: securityLogs, email: users.email })
      .from(securityLogs)
      .leftJoin(users, eq(users.id, securityLogs.userId))
      .where(where)
      .orderBy(desc(securityLogs.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(securityLogs).where(where);
    return toPage(rows.map((r) => ({ ...r.log, email: r.email })), n, input);
  },
});
