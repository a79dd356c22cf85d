/** The pairs a venue lists here (trading_pairs), as 'BTC/USDT': what /newbot and /chart accept. */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { exchanges, tradingPairs } from '../../db/schema/index.ts';
import { BOT_EXCHANGES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';

export const listTradingPairs = defineVerb({
  name: 'trading_pair.list',
  input: z.object({ exchange: z.enum(BOT_EXCHANGES, { message: `exchange must be one of ${BOT_EXCHANGES.join(', ')}` }) }),
  transactional: false,
  run: async ({ input, tx }) => {
    const rows = await tx
      .select({ base: tradingPairs.base, quote: tradingPairs.quote })
      .from(tradingPairs)
      .innerJoin(exchanges, eq(exchanges.id, tradingPairs.exchangeId))
      .where(and(eq(exchanges.name, input.exchange), eq(tradingPairs.active, true)))
      .orderBy(asc(tradingPairs.symbol));
    return rows.map((r) => `${r.base}/${r.quote}`);
  },
});
