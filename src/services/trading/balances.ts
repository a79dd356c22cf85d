/** Each bot's cash, the value of what it holds at the last mark, and the total. */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { bots, positions } from '../../db/schema/index.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import { defineVerb } from '../core/verb.ts';
import { botScope } from './scope.ts';

export const listBalances = defineVerb({
  name: 'balance.list',
  input: z.object({ bot: z.string().trim().max(64).optional() }).default({}),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const { botFilter } = await botScope(tx, ctx, input.bot);
    const rows = await tx
      .select({
        id: bots.id, name: bots.name, pair: bots.tradingPair, paper: bots.paperTrading, cash: bots.currentBalance, initial: bots.initialBalance,
        held: sql<string>`coalesce(sum(case when ${positions.side} = 'BUY' then 1 else -1 end * ${positions.quantity} * ${positions.currentPrice}) filter (where ${positions.status} = 'open'), 0)::text`,
      })
      .from(bots)
      .leftJoin(positions, and(eq(positions.botId, bots.id), eq(positions.status, 'open')))
      .where(botFilter)
      .groupBy(bots.id);
    const list = rows.map((r) => {
      const held = new Decimal(r.held);
      const equity = r.cash.add(held);
      return { bot: r.name, pair: r.pair, paper: r.paper, cash: r.cash.toDecimalPlaces(8).toFixed(), holdingsValue: held.toDecimalPlaces(8).toFixed(), equity: equity.toDecimalPlaces(8).toFixed(), initial: r.initial.toFixed(), changePercent: r.initial.gt(0) ? equity.sub(r.initial).div(r.initial).mul(100).toDecimalPlaces(2).toFixed() : '0' };
    });
    const total = rows.reduce((s, r) => s.add(r.cash).add(new Decimal(r.held)), ZERO);
    return { bots: list, totalEquity: total.toDecimalPlaces(8).toFixed() };
  },
});
