/** Signal providers with owner, reliability and signal counts (accepted and rejected); secrets never returned. */
import { count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { signalProviders, signals, users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, pageFields, toPage } from '../admin-core/pagination.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listSignalProviders = defineVerb({
  name: 'signal_provider.list_all',
  input: z.object({ ...pageFields }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) => {
    const rows = await tx
      .select({
        id: signalProviders.id,
        name: signalProviders.name,
        type: signalProviders.type,
        isActive: signalProviders.isActive,
        reliability: signalProviders.reliability,
        tenantId: signalProviders.tenantId,
        ownerEmail: users.email,
        createdAt: signalProviders.createdAt,
        signalCount: sql<number>`(select count(*)::int from ${signals} where ${signals.providerId} = ${signalProviders.id})`,
        rejectedCount: sql<number>`(select count(*)::int from ${signals} where ${signals.providerId} = ${signalProviders.id} and ${signals.status} = 'rejected')`,
      })
      .from(signalProviders)
      .leftJoin(users, eq(users.id, signalProviders.ownerUserId))
      .orderBy(desc(signalProviders.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(signalProviders);
    return toPage(rows, n, input);
  },
});
