/**
 * freqtrade-style status figures over closed round trips: ROI, win rate, profit factor,
 * expectancy and the max drawdown of realised equity; P&L per day/week/month; per pair.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { bots, positions } from '../../db/schema/index.ts';
import { computeDrawdown } from '../../engines/metrics/ratios.ts';
import { computeTradeStats } from '../../engines/metrics/trade-stats.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import { defineVerb } from '../core/verb.ts';
import { botScope } from './scope.ts';

const scopeInput = z.object({ bot: z.string().trim().max(64).optional() }).default({});

export const profitSummary = defineVerb({
  name: 'profit.summary',
  input: scopeInput,
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const { botFilter } = await botScope(tx, ctx, input.bot);
    const capitalRows = await tx.select({ initial: bots.initialBalance }).from(bots).where(botFilter);
    const capital = capitalRows.reduce((s, r) => s.add(r.initial), ZERO);
    const closed = await tx
      .select({ pnl: positions.profitLoss, pct: positions.profitLossPercent, fee: positions.fee, closedAt: positions.closedAt })
      .from(positions)
      .innerJoin(bots, eq(bots.id, positions.botId))
      .where(and(botFilter, eq(positions.status, 'closed')))
      .orderBy(asc(positions.closedAt));
    const stats = computeTradeStats(closed.map((c) => ({ pnl: c.pnl ?? ZERO, returnPct: (c.pct ?? ZERO).toNumber() / 100, fees: c.fee })));
    const total = closed.reduce((s, c) => s.add(c.pnl ?? ZERO), ZERO);
    // realised equity: capital plus cumulative closed P&L
    const equity: number[] = [capital.toNumber()];
    let running = capital;
    for (const c of closed) equity.push((running = running.add(c.pnl ?? ZERO)).toNumber());
    const dd = computeDrawdown(equity);
    return {
      closedTrades: stats.totalTrades, winningTrades: stats.winningTrades, losingTrades: stats.losingTrades,
      totalProfit: total.toDecimalPlaces(8).toFixed(), roiPercent: capital.gt(0) ? total.div(capital).mul(100).toDecimalPlaces(4).toFixed() : '0',
      winRate: stats.winRate, profitFactor: stats.profitFactor, expectancy: stats.expectancy?.toDecimalPlaces(8).toFixed() ?? null,
      bestTrade: stats.bestTrade?.toDecimalPlaces(8).toFixed() ?? null, worstTrade: stats.worstTrade?.toDecimalPlaces(8).toFixed() ?? null,
      maxDrawdownPercent: dd.maxDrawdownFraction * 100, maxDrawdown: dd.maxDrawdown, capital: capital.toFixed(),
      firstTradeAt: closed[0]?.closedAt ?? null, lastTradeAt: closed.at(-1)?.closedAt ?? null,
    };
  },
});

export const periodProfit = defineVerb({
  name: 'profit.by_period',
  input: z.object({ bot: z.string().trim().max(64).optional(), period: z.enum(['day', 'week', 'month']).default('day'), count: z.number().int().min(1).max(90).default(7), timezone: z.string().max(64).optional() }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const { botFilter } = await botScope(tx, ctx, input.bot);
    const tz = validTimezone(input.timezone) ?? 'UTC';
    const bucket = sql<string>`to_char(date_trunc(${input.period}, ${positions.closedAt} at time zone ${tz}), 'YYYY-MM-DD')`;
    const rows = await tx
      .select({ bucket, pnl: sql<string>`sum(${positions.profitLoss})::text`, trades: sql<number>`count(*)::int`, wins: sql<number>`count(*) filter (where ${positions.profitLoss} > 0)::int` })
      .from(positions)
      .innerJoin(bots, eq(bots.id, positions.botId))
      .where(and(botFilter, eq(positions.status, 'closed'), sql`${positions.closedAt} >= ${ctx.env.clock.now().toISOString()}::timestamptz - (${input.count} || ' ' || ${input.period})::interval - interval '1 day'`))
      // by position: the bucket expression carries bind parameters, and Postgres will not match two copies of it
      .groupBy(sql`1`)
      .orderBy(sql`1 desc`)
      .limit(input.count);
    return { period: input.period, timezone: tz, rows: rows.map((r) => ({ start: r.bucket, profit: new Decimal(r.pnl ?? '0').toDecimalPlaces(8).toFixed(), trades: r.trades, wins: r.wins })) };
  },
});

export const performanceByPair = defineVerb({
  name: 'profit.by_pair',
  input: scopeInput,
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const { botFilter } = await botScope(tx, ctx, input.bot);
    const rows = await tx
      .select({ symbol: positions.symbol, pnl: sql<string>`sum(${positions.profitLoss})::text`, trades: sql<number>`count(*)::int`, wins: sql<number>`count(*) filter (where ${positions.profitLoss} > 0)::int` })
      .from(positions)
      .innerJoin(bots, eq(bots.id, positions.botId))
      .where(and(botFilter, eq(positions.status, 'closed')))
      .groupBy(positions.symbol)
      .orderBy(sql`sum(${positions.profitLoss}) desc`);
    return rows.map((r) => ({ symbol: r.symbol, profit: new Decimal(r.pnl ?? '0').toDecimalPlaces(8).toFixed(), trades: r.trades, winRate: r.trades ? (r.wins / r.trades) * 100 : null }));
  },
});

function validTimezone(tz: string | undefined): string | null {
  if (!tz) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}
