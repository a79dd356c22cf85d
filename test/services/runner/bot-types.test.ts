/**
 * One test per bot type: a real paper bot created from its system template runs ticks on the
 * replay feed (bundled real candles); its books reconcile exactly with its trades.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { SYSTEM_TEMPLATES } from '../../../src/db/seed/templates.ts';
import { createBot } from '../../../src/services/bots/create-bot.ts';
import { BOT_TYPES } from '../../../src/engines/types.ts';
import { consoleActor, createUser } from '../../helpers/actors.ts';
import { Decimal } from '../../../src/shared/money.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { reconcile, tickBots, useReplay } from '../../helpers/runner.ts';

const t = useTestDatabase({ clock: '2026-03-02T09:00:00Z' });

/** Settings that make each type act within a few minutes of replay, so every path is exercised. */
const ACTIVE: Partial<Record<string, Record<string, unknown>>> = {
  arbitrage: { venues: ['binance', 'okx'], minProfitPercent: 0, maxTradeQuote: 100, venueTakerFees: { binance: 0, okx: 0 } },
  pump_screener: { windowCandles: 3, priceChangePercent: 0.2, volumeChangePercent: 5, cooldownMinutes: 0, watchUniverse: false },
};

describe.each(BOT_TYPES)('a %s bot on the replay feed', (type) => {
  let botId: string;
  let userId: string;
  beforeAll(async () => {
    useReplay(t, 300); // a 5m candle every second of (manual) time
    userId = (await createUser(t, { subscriptionPlan: 'enterprise' })).id;
    const template = SYSTEM_TEMPLATES.find((x) => x.type === type)!;
    let providerId: string | undefined;
    if (type === 'signal') {
      [{ id: providerId }] = await t.database.db.insert(s.signalProviders).values({ name: 'test provider', type: 'webhook' }).returning({ id: s.signalProviders.id });
    }
    const bot = await createBot({
      ctx: t.ctx(consoleActor(userId)),
      input: {
        name: `${type}-bot`, type, exchange: 'binance', tradingPair: template.defaultSettings.tradingPair, timeframe: template.defaultSettings.timeframe,
        config: { ...(structuredClone(template.config) as Record<string, unknown>), ...ACTIVE[type] }, initialBalance: '1000', start: true,
        signalProviderIds: providerId ? [providerId] : undefined,
      },
    });
    botId = bot.id;
    if (providerId) {
      // a market-entry long signal around the replayed price, with two targets and a stop
      const price = (await t.env.market!.forVenue('binance').fetchTicker('BTC/USDT')).last;
      const p = (f: number) => (price * f).toFixed(2);
      t.clock.advance(1000);
      await t.database.db.insert(s.signals).values({
        providerId, symbol: 'BTC/USDT', action: 'BUY', stopLoss: new Decimal(p(0.97)), takeProfit: new Decimal(p(1.001)), createdAt: t.clock.now(),
        idempotencyKey: 'bot-types-1', rawBody: 'BTC/USDT long', format: 'json',
        normalized: { kind: 'entry', symbol: 'BTC/USDT', direction: 'long', action: 'BUY', entries: [], entryType: 'market', targets: [p(1.001), p(1.002)], stopLoss: p(0.97), leverage: null },
      });
    }
  });

  it('records one execution per tick and keeps its books exactly reconciled', async () => {
    const results = await tickBots(t, [botId], 40);
    expect(results.every((r) => r.failed === 0)).toBe(true);
    const execs = await t.database.db.select().from(s.executions).where(eq(s.executions.botId, botId));
    expect(execs).toHaveLength(40);
    expect(execs.every((e) => e.status === 'success')).toBe(true);
    const r = await reconcile(t, botId);
    expect(r.cashMatches, `cash ${r.cash.toFixed()} vs bot ${r.bot.currentBalance.toFixed()}`).toBe(true);
    expect(r.positionMismatches).toEqual([]);
    expect(r.closedNotFlat).toEqual([]);
    expect(r.duplicateClientIds).toBe(0);
    expect(r.bot.lastExecutionAt?.getTime()).toBe(t.clock.now().getTime());
    if (['dca', 'combo', 'grid', 'arbitrage', 'signal'].includes(type)) expect(r.trades.length, 'this type trades within the run').toBeGreaterThan(0);
    if (type === 'arbitrage') expect((await t.database.db.select().from(s.botExecutions).where(eq(s.botExecutions.botId, botId))).length).toBeGreaterThan(0);
    if (type === 'pump_screener') expect((await t.database.db.select().from(s.pumpDetections).where(eq(s.pumpDetections.botId, botId))).length).toBeGreaterThan(0);
    if (type === 'signal') expect(await t.database.db.select().from(s.botSignalDeliveries).where(eq(s.botSignalDeliveries.botId, botId))).toHaveLength(1);
    // the bot's counters follow its closed round trips
    expect(r.bot.totalTrades).toBe(r.closed.length);
    expect(r.bot.profit.eq(r.closedPnl)).toBe(true);
  });

  it('a retried tick (same slot) changes nothing', async () => {
    const before = await reconcile(t, botId);
    const { runTickBatch } = await import('../../../src/services/runner/run-tick-batch.ts');
    const { tickSlot } = await import('../../../src/services/runner/tick-ids.ts');
    const result = await runTickBatch(t.env, [{ botId, slot: tickSlot(t.clock.now(), 10_000) }]);
    expect(result.skipped).toBe(1);
    const after = await reconcile(t, botId);
    expect(after.trades.length).toBe(before.trades.length);
    expect(after.bot.currentBalance.eq(before.bot.currentBalance)).toBe(true);
  });
});
