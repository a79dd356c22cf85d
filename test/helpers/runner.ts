/** Drive bots through ticks on the replay feed with a manual clock. */
import { and, eq, sql } from 'drizzle-orm';
import * as s from '../../src/db/schema/index.ts';
import { replayProvider } from '../../src/services/market/market-data-provider.ts';
import { runTickBatch } from '../../src/services/runner/run-tick-batch.ts';
import { tickSlot } from '../../src/services/runner/tick-ids.ts';
import { Decimal, ZERO } from '../../src/shared/money.ts';
import type { TestContext } from './db.ts';

export const TICK_MS = 10_000;

export function useReplay(t: TestContext, speed = 60): void {
  t.env.market = replayProvider(t.clock, speed);
}

export async function tickBots(t: TestContext, botIds: string[], ticks: number, stepMs = TICK_MS) {
  const results = [];
  for (let i = 0; i < ticks; i++) {
    t.clock.advance(stepMs);
    const slot = tickSlot(t.clock.now(), stepMs);
    results.push(await runTickBatch(t.env, botIds.map((botId) => ({ botId, slot }))));
  }
  return results;
}

/**
 * The bot's cash must equal its initial balance plus every sale minus every purchase and fee,
 * and each open position's quantity must equal its buys minus its sells — exactly, in Decimal.
 */
export async function reconcile(t: TestContext, botId: string) {
  const db = t.database.db;
  const [bot] = await db.select().from(s.bots).where(eq(s.bots.id, botId));
  const trades = await db.select().from(s.trades).where(eq(s.trades.botId, botId));
  let cash = bot.initialBalance;
  const perPosition = new Map<string, Decimal>();
  for (const tr of trades) {
    const notional = tr.executedPrice.mul(tr.quantity);
    cash = tr.side === 'BUY' ? cash.sub(notional).sub(tr.fee) : cash.add(notional).sub(tr.fee);
    const key = tr.positionId ?? 'none';
    const q = perPosition.get(key) ?? ZERO;
    perPosition.set(key, tr.side === 'BUY' ? q.add(tr.quantity) : q.sub(tr.quantity));
  }
  const open = await db.select().from(s.positions).where(and(eq(s.positions.botId, botId), eq(s.positions.status, 'open')));
  const closed = await db.select().from(s.positions).where(and(eq(s.positions.botId, botId), eq(s.positions.status, 'closed')));
  const positionMismatches = open
    .map((p) => ({ id: p.id, stored: p.quantity.mul(p.side === 'BUY' ? 1 : -1), fromTrades: perPosition.get(p.id) ?? ZERO }))
    .filter((x) => !x.stored.eq(x.fromTrades));
  const closedNotFlat = closed.filter((p) => !(perPosition.get(p.id) ?? ZERO).isZero()).map((p) => p.id);
  const closedPnl = closed.reduce((sum, p) => sum.add(p.profitLoss ?? ZERO), ZERO);
  const duplicateClientIds = await db.execute(sql`select client_order_id, count(*) from orders where bot_id = ${botId} group by 1 having count(*) > 1`);
  return { bot, trades, cash, cashMatches: cash.eq(bot.currentBalance), positionMismatches, closedNotFlat, closedPnl, open, closed, duplicateClientIds: duplicateClientIds.rows.length };
}
