/**
 * Exactly-once orders on a live venue (a fake binance at the HTTP level, through real ccxt):
 * an order is recorded before it is sent, a lost response is followed by a lookup by client
 * order id instead of a second send, and reconciling twice records nothing twice.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { createBot } from '../../../src/services/bots/create-bot.ts';
import { connectExchange } from '../../../src/services/exchange-connections/connect-exchange.ts';
import { reconcileLiveOrders, SEND_WINDOW_MS } from '../../../src/services/runner/live-orders.ts';
import { FakeVenue } from '../../helpers/fake-venue.ts';
import { consoleActor, createUser } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { tickBots, useReplay } from '../../helpers/runner.ts';

const t = useTestDatabase();
const markets = { binance: JSON.parse(readFileSync(new URL('../../fixtures/markets/binance.json', import.meta.url), 'utf8')) };

describe('a live DCA bot', () => {
  const venue = new FakeVenue('binance', { fillPrice: '20000' });
  let botId: string;
  beforeAll(async () => {
    useReplay(t, 300);
    t.env.exchangeTransport = { fetchImplementation: venue.fetch, markets };
    const user = await createUser(t, { subscriptionPlan: 'pro' });
    const ctx = t.ctx(consoleActor(user.id));
    await connectExchange({ ctx, input: { exchange: 'binance', apiKey: 'AKlive0123456789abcdef', secret: 'SKlive0123456789abcdef' } });
    const bot = await createBot({ ctx, input: { name: 'live dca', type: 'dca', tradingPair: 'BTC/USDT', paperTrading: false, start: true, config: { baseOrderSize: 50, safetyOrderSize: 50, maxSafetyOrders: 2, priceDeviationPercent: 1, takeProfitPercent: 1 } } });
    botId = bot.id;
  });

  it('records the base order as pending, sends it once, and books the fill', async () => {
    venue.loseNextCreateResponse = true; // the venue accepts the base order but the answer is lost
    await tickBots(t, [botId], 1);
    const base = venue.orders.find((o) => o.type === 'MARKET');
    expect(base).toBeDefined();
    const [row] = await t.database.db.select().from(s.orders).where(eq(s.orders.clientOrderId, base!.clientOrderId));
    expect(row.status).toBe('pending'); // recorded, result unknown
    expect(await t.database.db.select().from(s.trades).where(eq(s.trades.botId, botId))).toHaveLength(0);

    // the periodic reconciliation asks the venue by client order id: found, so not sent again
    await reconcileLiveOrders(t.env);
    expect(venue.countFor(base!.clientOrderId)).toBe(1);
    const creates = venue.createCalls;
    const [after] = await t.database.db.select().from(s.orders).where(eq(s.orders.id, row.id));
    expect(after.status).toBe('filled');
    const trades = await t.database.db.select().from(s.trades).where(eq(s.trades.botId, botId));
    expect(trades).toHaveLength(1);
    expect(trades[0].executedPrice.toFixed()).toBe('20000');
    expect(trades[0].isPaperTrade).toBe(false);
    expect(trades[0].quantity.eq(after.quantity)).toBe(true);

    // running it again changes nothing
    await reconcileLiveOrders(t.env);
    expect(venue.createCalls).toBe(creates);
    expect(await t.database.db.select().from(s.trades).where(eq(s.trades.botId, botId))).toHaveLength(1);
    const [position] = await t.database.db.select().from(s.positions).where(and(eq(s.positions.botId, botId), eq(s.positions.status, 'open')));
    expect(position.quantity.eq(after.quantity)).toBe(true);
  });

  it('the engine hears of its fill and places its take profit and safety orders, each once', async () => {
    await tickBots(t, [botId], 1);
    const limits = venue.orders.filter((o) => o.type !== 'MARKET');
    expect(limits.length).toBeGreaterThan(0);
    for (const o of limits) expect(venue.countFor(o.clientOrderId)).toBe(1);
    const before = venue.orders.length;
    await reconcileLiveOrders(t.env);
    await tickBots(t, [botId], 2);
    // open orders are looked up, not re-sent
    expect(venue.orders.length).toBe(before);
  });

  it('an order that never reached the venue within 5 minutes is dropped, not sent late', async () => {
    const [bot] = await t.database.db.select().from(s.bots).where(eq(s.bots.id, botId));
    const [pair] = await t.database.db.select().from(s.tradingPairs).where(eq(s.tradingPairs.id, 'ex_binance_btcusdt'));
    const [orphan] = await t.database.db
      .insert(s.orders)
      .values({ userId: bot.userId, botId, exchangeId: 'ex_binance', pairId: pair.id, type: 'market', side: 'buy', quantity: pair.minOrderSize, status: 'pending', clientOrderId: 'twneversent0000000000000000000', tag: 'orphan', positionTag: 'orphan', effect: 'open', createdAt: new Date(t.clock.now().getTime() - SEND_WINDOW_MS - 1000) })
      .returning();
    await reconcileLiveOrders(t.env);
    const [row] = await t.database.db.select().from(s.orders).where(eq(s.orders.id, orphan.id));
    expect(row.status).toBe('failed');
    expect(row.errorMessage).toMatch(/dropped rather than sent late/);
    expect(venue.countFor('twneversent0000000000000000000')).toBe(0);
  });
});
