/**
 * Periodic performance_snapshots for running and paused bots: the engines' metrics (trade
 * stats, drawdown, Sharpe, risk score, rating) over the bot's closed round trips and its
 * realised equity, ending at its current equity (cash plus holdings at the last mark).
 */
import { asc, inArray, sql } from 'drizzle-orm';
import { bots, performanceSnapshots, positions } from '../../db/schema/index.ts';
import { computePerformanceSnapshot } from '../../engines/metrics/performance.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import type { ServiceEnv } from '../core/context.ts';

export async function snapshotPerformance(env: ServiceEnv, options: { chunk?: number } = {}): Promise<{ snapshots: number }> {
  const now = env.clock.now();
  const list = await env.db
    .select({ id: bots.id, initial: bots.initialBalance, cash: bots.currentBalance, createdAt: bots.createdAt })
    .from(bots)
    .where(inArray(bots.status, ['active', 'paused']));
  let snapshots = 0;
  const chunk = options.chunk ?? 500;
  for (let i = 0; i < list.length; i += chunk) {
    const part = list.slice(i, i + chunk);
    const ids = part.map((b) => b.id);
    const rows = await env.db
      .select({ botId: positions.botId, status: positions.status, pnl: positions.profitLoss, pct: positions.profitLossPercent, fee: positions.fee, closedAt: positions.closedAt, held: sql<string>`(case when ${positions.side} = 'BUY' then 1 else -1 end * ${positions.quantity} * ${positions.currentPrice})::text` })
      .from(positions)
      .where(inArray(positions.botId, ids))
      .orderBy(asc(positions.closedAt));
    const values = part.map((b) => {
      const mine = rows.filter((r) => r.botId === b.id);
      const closed = mine.filter((r) => r.status === 'closed');
      const held = mine.filter((r) => r.status === 'open').reduce((s, r) => s.add(new Decimal(r.held)), ZERO);
      const time: number[] = [b.createdAt.getTime()];
      const equity: number[] = [b.initial.toNumber()];
      let running = b.initial;
      for (const c of closed) {
        running = running.add(c.pnl ?? ZERO);
        time.push(c.closedAt!.getTime());
        equity.push(running.toNumber());
      }
      const final = b.cash.add(held);
      time.push(now.getTime());
      equity.push(final.toNumber());
      const snap = computePerformanceSnapshot({
        trades: closed.map((c) => ({ pnl: c.pnl ?? ZERO, returnPct: (c.pct ?? ZERO).toNumber() / 100, fees: c.fee })),
        equity: { time, equity }, initialBalance: b.initial, finalBalance: final,
      });
      return {
        botId: b.id, timestamp: now, metrics: snap.metrics, riskScore: new Decimal(snap.riskScore), rating: snap.rating, totalTrades: snap.totalTrades,
        winRate: new Decimal(snap.winRate ?? 0), totalReturn: snap.totalReturn, totalReturnPercent: snap.totalReturnPercent,
        maxDrawdownPercent: new Decimal(snap.maxDrawdownPercent), sharpeRatio: new Decimal(snap.sharpeRatio ?? 0), profitFactor: new Decimal(snap.profitFactor ?? 0),
      };
    });
    if (values.length) await env.db.insert(performanceSnapshots).values(values);
    snapshots += values.length;
  }
  return { snapshots };
}
