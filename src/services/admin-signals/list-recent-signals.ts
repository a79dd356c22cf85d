/**
 * The latest signals across providers (or of one), with their parse result: accepted or
 * rejected with the reason, the format it was read as, and entry or exit.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { signalProviders, signals } from '../../db/schema/index.ts';
import { SIGNAL_STATUSES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, optionalEnum, optionalText, pageFields, toPage } from '../admin-core/pagination.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listRecentSignals = defineVerb({
  name: 'signal.list_recent',
  input: z.object({ providerId: optionalText, status: optionalEnum(SIGNAL_STATUSES), ...pageFields }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) => {
    const where = and(input.providerId ? eq(signals.providerId, input.providerId) : undefined, input.status ? eq(signals.status, input.status) : undefined);
    const rows = await tx
      .select({
        id: signals.id,
        providerId: signals.providerId,
        providerName: signalProviders.name,
        symbol: signals.symbol,
        action: signals.action,
        price: signals.price,
        stopLoss: signals.stopLoss,
        takeProfit: signals.takeProfit,
        processed: signals.processed,
        reason: signals.reason,
        status: signals.status,
        kind: signals.kind,
        format: signals.format,
        rejectReason: signals.rejectReason,
        outcome: signals.outcome,
        createdAt: signals.createdAt,
      })
      .from(signals)
      .innerJoin(signalProviders, eq(signalProviders.id, signals.providerId))
      .where(where)
      .orderBy(desc(signals.createdAt), desc(signals.id))
      .limit(input.pageSize)
      .offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(signals).where(where);
    return toPage(rows, n, input);
  },
});
