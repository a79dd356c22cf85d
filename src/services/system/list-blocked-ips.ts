/** Blocked IPs, newest first, with whether each is still in force (superadmin). */
import { count, desc } from 'drizzle-orm';
import { z } from 'zod';
import { blockedIps } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, pageFields, toPage } from '../admin-core/pagination.ts';
import { isSuperadmin } from '../admin-core/roles.ts';

export const listBlockedIps = defineVerb({
  name: 'blocked_ip.list',
  input: z.object({ ...pageFields }),
  allow: isSuperadmin,
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const now = ctx.env.clock.now();
    const rows = await tx.select().from(blockedIps).orderBy(desc(blockedIps.blockedAt)).limit(input.pageSize).offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(blockedIps);
    return toPage(rows.map((r) => ({ ...r, active: !r.expiresAt || r.expiresAt > now })), n, input);
  },
});
