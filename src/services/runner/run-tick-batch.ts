/**
 * Run a batch of ticks (one pg-boss fetch): market data first, outside any transaction; then one
 * transaction that locks the bots (SKIP LOCKED: a bot a manual command holds waits for the next
 * tick), skips ticks already recorded (a retried job), computes every bot and writes it all.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { bots, executions, orders, positions } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { engineFor } from '../bots/engine-registry.ts';
import { assemblePaperTick, type OrderRow, type PositionRow } from './assemble-paper-tick.ts';
import { assembleFailure } from './assemble-failure.ts';
import { assembleLiveTick, type LiveTickPlan } from './assemble-live-tick.ts';
import { brokerForConnection } from './live-broker.ts';
import { reconcileLiveOrders } from './live-orders.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import { loadBooks, loadMarketSlice, loadUniverse, type MarketSlice } from './market-inputs.ts';
import type { Candle, OrderBook } from '../../engines/types.ts';
import { loadPendingSignals } from './pending-signals.ts';
import { executionIdFor } from './tick-ids.ts';
import { WriteSet } from './write-set.ts';
import { groupBy } from '../../shared/group-by.ts';

export interface TickJob {
  botId: string;
  slot: number;
}

export interface TickBatchOptions {
  slippageBps?: number;
  maxFailures?: number;
}

export interface TickBatchResult {
  ticked: number;
  skipped: number;
  failed: number;
  fills: number;
  statements: number;
  /** Where the batch spent its time (ms), for the benchmark. */
  phases: Record<'preload' | 'market' | 'lock' | 'load' | 'compute' | 'flush' | 'live', number>;
}

export async function runTickBatch(env: ServiceEnv, jobs: TickJob[], options: TickBatchOptions = {}): Promise<TickBatchResult> {
  const result: TickBatchResult = { ticked: 0, skipped: 0, failed: 0, fills: 0, statements: 0, phases: { preload: 0, market: 0, lock: 0, load: 0, compute: 0, flush: 0, live: 0 } };
  let mark = performance.now();
  const phase = (name: keyof TickBatchResult['phases']) => {
    const now = performance.now();
    result.phases[name] += now - mark;
    mark = now;
  };
  if (jobs.length === 0) return result;
  if (!env.market) throw new Error('runTickBatch needs env.market');
  const now = env.clock.now();
  const slotOf = new Map(jobs.map((j) => [j.botId, j.slot]));
  const ids = [...slotOf.keys()];

  // 1. market data, outside the transaction (no row lock is held during network calls)
  const preload = await env.db
    .select({ id: bots.id, type: bots.type, exchange: bots.exchange, tradingPair: bots.tradingPair, timeframe: bots.timeframe, config: bots.config, paperTrading: bots.paperTrading, connectionId: bots.exchangeConnectionId })
    .from(bots)
    .where(and(inArray(bots.id, ids), eq(bots.status, 'active')));
  result.statements++;
  phase('preload');
  const slices = new Map<string, MarketSlice | Error>();
  const warmups = new Map<string, number>();
  for (const b of preload) {
    const key = sliceKey(b.exchange, b.tradingPair ?? '', b.timeframe ?? '5m');
    let warmup = 50;
    try {
      const engine = engineFor(b.type);
      warmup = engine.warmupCandles(engine.configSchema.parse(b.config));
    } catch {
      // the bot fails in its tick with a clear message; the slice is still fetched for others
    }
    warmups.set(key, Math.max(warmups.get(key) ?? 0, warmup));
  }
  for (const [key, warmup] of warmups) {
    const [venue, symbol, timeframe] = key.split('|');
    try {
      slices.set(key, await loadMarketSlice(env.db, env.market, venue, symbol, timeframe, Math.min(Math.max(warmup + 2, 30), 1000), now.getTime()));
    } catch (error) {
      slices.set(key, error instanceof Error ? error : new Error(String(error)));
    }
  }

  // extras some engines need: two venues' books (arbitrage), other pairs' candles (pump screener)
  const extras = new Map<string, { books?: Record<string, OrderBook>; universe?: Record<string, Candle[]> }>();
  for (const b of preload) {
    const config = b.config as { venues?: string[]; windowCandles?: number; watchUniverse?: boolean };
    try {
      if (b.type === 'arbitrage' && Array.isArray(config.venues)) extras.set(b.id, { books: await loadBooks(env.market, config.venues, b.tradingPair ?? '') });
      if (b.type === 'pump_screener' && config.watchUniverse !== false) {
        const key = `universe|${b.exchange}|${b.timeframe}`;
        const cached = extras.get(key) ?? { universe: await loadUniverse(env.market, b.exchange, b.timeframe ?? '1m', (config.windowCandles ?? 15) * 2 + 1) };
        extras.set(key, cached);
        extras.set(b.id, cached);
      }
    } catch (error) {
      env.logger.warn({ botId: b.id, err: error }, 'could not load order books or universe for a bot');
    }
  }

  // live bots decide on the venue's balances, read before any lock is taken
  const liveBalances = new Map<string, { base: Decimal; quote: Decimal } | Error>();
  for (const b of preload.filter((x) => !x.paperTrading)) {
    try {
      const broker = await brokerForConnection(env.db, env, b.connectionId);
      const all = await broker.fetchBalances();
      const [base, quote] = (b.tradingPair ?? '/').split('/');
      liveBalances.set(b.id, { base: all[base]?.free ?? ZERO, quote: all[quote]?.free ?? ZERO });
    } catch (error) {
      liveBalances.set(b.id, error instanceof Error ? error : new Error(String(error)));
    }
  }
  phase('market');
  const livePlans: { botId: string; plan: LiveTickPlan; connectionId: string | null; symbol: string }[] = [];

  // 2. one transaction: lock, skip what is done, compute, write
  await env.db.transaction(async (tx) => {
    // Paper ticks commit without waiting for the WAL flush: an OS crash could lose the last
    // fraction of a second of paper ticks, which then simply run again (the transaction stays
    // atomic). A batch that records live orders commits synchronously, before anything is sent.
    if (preload.every((b) => b.paperTrading)) await tx.execute(sql`set local synchronous_commit = off`);
    const locked = await tx.select().from(bots).where(and(inArray(bots.id, ids), eq(bots.status, 'active'))).for('update', { skipLocked: true });
    const executionIds = locked.map((b) => executionIdFor(b.id, slotOf.get(b.id)!));
    const done = new Set(
      executionIds.length ? (await tx.select({ id: executions.executionId }).from(executions).where(inArray(executions.executionId, executionIds))).map((r) => r.id) : [],
    );
    const todo = locked.filter((b) => !done.has(executionIdFor(b.id, slotOf.get(b.id)!)));
    phase('lock');
    result.skipped = jobs.length - todo.length;
    if (todo.length === 0) return;
    const todoIds = todo.map((b) => b.id);
    // one connection per transaction: these run one after another
    const openPositions = await tx.select().from(positions).where(and(inArray(positions.botId, todoIds), eq(positions.status, 'open')));
    const restingOrders = await tx.select().from(orders).where(and(inArray(orders.botId, todoIds), inArray(orders.status, ['open', 'pending'])));
    const signals = await loadPendingSignals(tx, todo.filter((b) => b.type === 'signal'));
    result.statements += 5;
    const byBot = <T extends { botId: string | null }>(rows: T[]) => groupBy(rows, (r) => r.botId);
    const positionsByBot = byBot<PositionRow>(openPositions);
    const ordersByBot = byBot<OrderRow>(restingOrders);

    phase('load');
    const writes = new WriteSet();
    for (const bot of todo) {
      const executionId = executionIdFor(bot.id, slotOf.get(bot.id)!);
      const slice = slices.get(sliceKey(bot.exchange, bot.tradingPair ?? '', bot.timeframe ?? '5m'));
      try {
        if (!slice) throw new Error('no market data was loaded for this bot');
        if (slice instanceof Error) throw slice;
        if (!bot.paperTrading) {
          const balances = liveBalances.get(bot.id);
          if (!balances) throw new Error('the venue balances were not loaded');
          if (balances instanceof Error) throw balances;
          const plan = assembleLiveTick(
            { bot, positions: positionsByBot.get(bot.id) ?? [], active: ordersByBot.get(bot.id) ?? [], candles: slice.candles, price: slice.price, pair: slice.pair, fees: slice.fees, balances, signals: signals.get(bot.id) ?? [], executionId, now, books: extras.get(bot.id)?.books, universe: extras.get(bot.id)?.universe },
            writes,
          );
          livePlans.push({ botId: bot.id, plan, connectionId: bot.exchangeConnectionId, symbol: bot.tradingPair ?? '' });
          result.ticked++;
          continue;
        }
        const summary = assemblePaperTick(
          {
            bot, positions: positionsByBot.get(bot.id) ?? [], resting: ordersByBot.get(bot.id) ?? [], candles: slice.candles, price: slice.price,
            pair: slice.pair, fees: slice.fees, signals: signals.get(bot.id) ?? [], executionId, now, slippageBps: options.slippageBps ?? 5,
            books: extras.get(bot.id)?.books, universe: extras.get(bot.id)?.universe,
          },
          writes,
        );
        result.ticked++;
        result.fills += summary.fills;
      } catch (error) {
        result.failed++;
        assembleFailure(writes, bot, error, executionId, now, options.maxFailures ?? 5);
        env.logger.warn({ botId: bot.id, err: error }, 'bot tick failed');
      }
    }
    result.statements += writes.statementCount() + 2; // + begin/commit
    phase('compute');
    await writes.flush(tx);
  });
  phase('flush');

  // 3. live orders: recorded above and committed; now sent (each looked up by client id first)
  for (const { botId, plan, connectionId, symbol } of livePlans) {
    try {
      if (plan.cancelTags.length) {
        const broker = await brokerForConnection(env.db, env, connectionId);
        const rows = await env.db.select({ clientOrderId: orders.clientOrderId }).from(orders).where(and(eq(orders.botId, botId), inArray(orders.tag, plan.cancelTags)));
        for (const r of rows) if (r.clientOrderId) await broker.cancelOrder(r.clientOrderId, symbol);
      }
      if (plan.newOrderIds.length) await reconcileLiveOrders(env, { orderIds: plan.newOrderIds });
    } catch (error) {
      // the periodic reconciliation picks these orders up again
      env.logger.warn({ botId, err: error }, 'live orders not sent yet; reconciliation will retry');
    }
  }
  phase('live');
  return result;
}

function sliceKey(venue: string, symbol: string, timeframe: string): string {
  return `${venue}|${symbol}|${timeframe}`;
}

