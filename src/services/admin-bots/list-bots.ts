/** Every bot with its owner, status and P&L counters (from the bots row), filterable by status. */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { bots, users } from '../../db/schema/index.ts';
import { BOT_STATUSES, BOT_TYPES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, optionalEnum, optionalText, pageFields, toPage } from '../admin-core/pagination.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listBots = defineVerb({
  name: 'bot.list_all',
  input: z.object({ status: optionalEnum(BOT_STATUSES), type: optionalEnum(BOT_TYPES), q: optionalText, userId: optionalText, ...pageFields }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) => {
    const filters: SQL[] = [];
    if (input.status) filters.push(eq(bots.status, input.status));
    if (input.type) filters.push(eq(bots.type, input.type));
    if (input.userId) filters.push(eq(bots.userId, input.userId));
    if (input.q) {
      const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
      filters.push(or(ilike(bots.name, like), ilike(bots.tradingPair, like), ilike(users.email, like))!);
    }
    const where = filters.length ? and(...filters) : undefined;
    const rows = await tx
      .select({
        id: bots.id,
        name: bots.name,
        type: bots.type,
        status: bots.status,
        exchange: bots.exchange,
        tradingPair: bots.tradingPair,
        paperTrading: bots.paperTrading,
        profit: bots.profit,
        profitPercentage: bots.profitPercentage,
        totalTrades: bots.totalTrades,
        winningTrades: bots.winningTrades,
        losingTrades: bots.losingTrades,
        errorMessage: bots.errorMessage,
        lastExecutionAt: bots.lastExecutionAt,
        userId: bots.userId,
        userEmail: users.email,
      })
      .from(bots)
      .innerJoin(users, eq(users.id, bots.userId))
      .where(where)
      .orderBy(desc(bots.updatedAt), desc(bots.id))
      .limit(input.pageSize)
      .offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(bots).innerJoin(users, eq(users.id, bots.userId)).where(where);
    return toPage(rows, n, input);
  },
});
