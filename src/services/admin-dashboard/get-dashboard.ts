/**
 * Dashboard figures: users, active bots, trades and signals today (UTC), open tickets, failed
 * jobs, and per-day trade volume (executed price × quantity) and realised P&L for a chart.
 */
import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { bots, signals, supportTickets, trades, users } from '../../db/schema/index.ts';
import { Decimal } from '../../shared/money.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export interface DayFigures {
  day: string; // YYYY-MM-DD (UTC)
  trades: number;
  volume: Decimal;
  pnl: Decimal;
}

export const getDashboard = defineVerb({
  name: 'dashboard.get',
  input: z.object({ days: z.coerce.number().int().min(2).max(90).default(14) }),
  allow: isStaff,
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const now = ctx.env.clock.now();
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const from = new Date(today.getTime() - (input.days - 1) * 86_400_000);
    const one = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
    const [totalUsers, activeBots, tradesToday, signalsToday, openTickets, queue, rows] = await Promise.all([
      one(tx.select({ n: count() }).from(users).where(eq(users.role, 'user'))),
      one(tx.select({ n: count() }).from(bots).where(eq(bots.status, 'active'))),
      one(tx.select({ n: count() }).from(trades).where(gte(trades.executedAt, today))),
      one(tx.select({ n: count() }).from(signals).where(gte(signals.createdAt, today))),
      one(tx.select({ n: count() }).from(supportTickets).where(inArray(supportTickets.status, ['open', 'in_progress']))),
      ctx.env.queue ? ctx.env.queue.stats() : Promise.resolve(null),
      tx
        .select({
          day: sql<string>`to_char(date_trunc('day', ${trades.executedAt} at time zone 'UTC'), 'YYYY-MM-DD')`,
          trades: count(),
          volume: sql<string>`coalesce(sum(${trades.executedPrice} * ${trades.quantity}), 0)::text`,
          pnl: sql<string>`coalesce(sum(${trades.profitLoss}), 0)::text`,
        })
        .from(trades)
        .where(and(gte(trades.executedAt, from)))
        .groupBy(sql`1`),
    ]);
    const byDay = new Map(rows.map((r) => [r.day, r]));
    const series: DayFigures[] = [];
    for (let i = 0; i < input.days; i++) {
      const day = new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10);
      const r = byDay.get(day);
      series.push({ day, trades: r?.trades ?? 0, volume: new Decimal(r?.volume ?? 0), pnl: new Decimal(r?.pnl ?? 0) });
    }
    return {
      totalUsers,
      activeBots,
      tradesToday,
      signalsToday,
      openTickets,
      failedJobs: queue ? queue.reduce((sum, q) => sum + q.failed, 0) : null,
      series,
    };
  },
});
