/**
 * Exactly-once orders on a live venue. An order is recorded (status pending, with its
 * deterministic client order id) in the tick's transaction, before anything is sent. Then, and
 * after any restart or timeout, this sync asks the venue for that client id first and sends only
 * when the venue has never seen it — so a crash between "recorded" and "sent", or a lost
 * response, never doubles an order. What the venue reports (fills, cancels) is applied under the
 * bot's row lock, as fill deltas, so running the sync twice records nothing twice.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { bots, orders, positions } from '../../db/schema/index.ts';
import { ExchangeError, type VenueOrder } from '../../exchanges/types.ts';
import { redactText } from '../../logger.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import type { ServiceEnv } from '../core/context.ts';
import { readEngineState, writeEngineState } from './engine-state.ts';
import { brokerForConnection } from './live-broker.ts';
import { loadPair } from './market-inputs.ts';
import { countersAfter, finishBotBook, notifyFills, openBotBook, recordFill } from './record-fills.ts';
import { WriteSet } from './write-set.ts';
import { groupBy } from '../../shared/group-by.ts';

/** Orders not sent within this window after they were decided are dropped, not sent late. */
export const SEND_WINDOW_MS = 5 * 60_000;

type OrderRow = typeof orders.$inferSelect;

export interface LiveSyncResult {
  sent: number;
  updated: number;
  failed: number;
}

export async function reconcileLiveOrders(env: ServiceEnv, options: { orderIds?: string[]; limit?: number } = {}): Promise<LiveSyncResult> {
  const result: LiveSyncResult = { sent: 0, updated: 0, failed: 0 };
  const filters = [inArray(orders.status, ['pending', 'open']), eq(bots.paperTrading, false)];
  if (options.orderIds) {
    if (options.orderIds.length === 0) return result;
    filters.push(inArray(orders.id, options.orderIds));
  }
  const rows = await env.db
    .select({ o: orders, connectionId: bots.exchangeConnectionId, symbol: bots.tradingPair })
    .from(orders)
    .innerJoin(bots, eq(bots.id, orders.botId))
    .where(and(...filters))
    .limit(options.limit ?? 500);
  const byBot = groupBy(rows, (r) => r.o.botId);

  for (const [botId, list] of byBot) {
    const venueResults = new Map<string, VenueOrder | { failed: string }>();
    try {
      const broker = await brokerForConnection(env.db, env, list[0].connectionId);
      for (const { o, symbol } of list) {
        try {
          let venue = await broker.fetchOrderByClientId(o.clientOrderId!, symbol!);
          if (!venue && o.status === 'pending') {
            if (env.clock.now().getTime() - o.createdAt.getTime() > SEND_WINDOW_MS) {
              venueResults.set(o.id, { failed: 'not sent within 5 minutes of the decision; dropped rather than sent late' });
              continue;
            }
            venue = await broker.createOrder({ clientOrderId: o.clientOrderId!, symbol: symbol!, side: o.side as 'buy' | 'sell', type: o.type as 'market', quantity: o.quantity, price: o.price });
            result.sent++;
          }
          if (venue) venueResults.set(o.id, venue);
        } catch (error) {
          if (error instanceof ExchangeError && !error.retryable) venueResults.set(o.id, { failed: error.message });
          else env.logger.warn({ orderId: o.id, err: error }, 'live order sync will retry');
        }
      }
    } catch (error) {
      env.logger.error({ botId, err: error }, 'cannot reach the venue for this live bot');
      continue;
    }
    if (venueResults.size === 0) continue;
    const applied = await applyVenueResults(env, botId, venueResults);
    result.updated += applied.updated;
    result.failed += applied.failed;
  }
  return result;
}

/** Apply venue reports under the bot's lock: fill deltas become trades; statuses follow the venue. */
async function applyVenueResults(env: ServiceEnv, botId: string, results: Map<string, VenueOrder | { failed: string }>): Promise<{ updated: number; failed: number }> {
  return env.db.transaction(async (tx) => {
    const [bot] = await tx.select().from(bots).where(eq(bots.id, botId)).for('update');
    if (!bot) return { updated: 0, failed: 0 };
    const rows = await tx.select().from(orders).where(inArray(orders.id, [...results.keys()])).for('update');
    const open = await tx.select().from(positions).where(and(eq(positions.botId, botId), eq(positions.status, 'open')));
    const { pair } = await loadPair(tx, bot.exchange, bot.tradingPair ?? '', env.clock.now().getTime());
    const book = openBotBook(bot, open, pair, rows);
    const writes = new WriteSet();
    const now = env.clock.now();
    const engineFills = [];
    let updated = 0;
    let failed = 0;
    let mark: Decimal | null = null;
    for (const row of rows as OrderRow[]) {
      const venue = results.get(row.id)!;
      if ('failed' in venue) {
        writes.orderSyncs.push({ id: row.id, status: 'failed', filled: row.filled, averagePrice: row.averagePrice, fee: row.fee, filledAt: row.filledAt, exchangeOrderId: row.exchangeOrderId, errorMessage: redactText(venue.failed).slice(0, 500) });
        failed++;
        continue;
      }
      const delta = venue.filled.sub(row.filled);
      if (delta.gt(0)) {
        const notionalBefore = (row.averagePrice ?? ZERO).mul(row.filled);
        const notionalNow = (venue.averagePrice ?? ZERO).mul(venue.filled);
        const price = notionalNow.sub(notionalBefore).div(delta);
        const fee = Decimal.max(ZERO, venue.fee.sub(row.fee));
        const time = venue.fills.at(-1)?.time || now.getTime();
        recordFill(writes, book, {
          tag: row.tag ?? row.id, positionTag: row.positionTag ?? row.tag ?? row.id, effect: (row.effect ?? 'open') as 'open', side: row.side as 'buy',
          price, quantity: delta, fee, time, closeReason: (row.closeReason ?? undefined) as 'SIGNAL', orderType: row.type as 'market',
          orderId: row.id, exchangeTradeId: `${row.clientOrderId}-${venue.filled.toFixed()}`, exchangeOrderId: venue.exchangeOrderId, intendedPrice: row.price,
        }, now);
        engineFills.push({ tag: row.tag ?? row.id, side: row.side as 'buy', price, quantity: delta, fee, time });
        mark = price;
      }
      const status = venue.status === 'filled' ? 'filled' : venue.status === 'cancelled' || venue.status === 'rejected' ? (venue.filled.gt(0) ? 'filled' : 'cancelled') : 'open';
      writes.orderSyncs.push({ id: row.id, status, filled: venue.filled, averagePrice: venue.averagePrice, fee: venue.fee, filledAt: status === 'filled' ? now : row.filledAt, exchangeOrderId: venue.exchangeOrderId, errorMessage: venue.reason ?? null });
      updated++;
    }
    if (engineFills.length) {
      const closed = finishBotBook(writes, book, mark ?? ZERO);
      const stored = readEngineState(bot.engineState);
      writes.botUpdates.push({
        id: bot.id, engineState: writeEngineState(stored.state, [...stored.pendingFills, ...engineFills]), currentBalance: book.cash,
        lastExecutionAt: bot.lastExecutionAt ?? now, lastCandleAt: bot.lastCandleAt, ...countersAfter(bot, closed), lastTradeAt: now,
        consecutiveFailures: bot.consecutiveFailures, status: bot.status, errorMessage: bot.errorMessage,
      });
      notifyFills(writes, bot, engineFills, closed, pair.symbol, now);
    }
    await writes.flush(tx);
    return { updated, failed };
  });
}
