/** The latest signals across providers, with whether they were processed. */
import { count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { signalProviders, signals } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, optionalText, pageFields, toPage } from '../admin-core/pagination.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listRecentSignals = defineVerb({
  name: 'signal.list_recent',
  input: z.object({ providerId: optionalText, ...pageFields }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) => {
    const where = input.providerId ? eq(signals.providerId, input.providerId) : undefined;
    const rows = await tx
      .select({ id: signals.id, providerId: signals.providerId, providerName: signalProviders.name, symbol: signals.symbol, action: signals.action, price: signals.price, stopLoss: signals.stopLoss, takeProfit: signals.takeProfit, processed: signals.processed, reason: signals.reason, createdAt: signals.createdAt })
      .from(signals)
      .innerJoin(signalProviders, eq(signalProviders.id, signals.providerId))
      .where(where)
      .orderBy(desc(signals.createdAt))
      .limit(input.pageSize)
      .offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(signals).where(where);
    return toPage(rows, n, input);
  },
});
