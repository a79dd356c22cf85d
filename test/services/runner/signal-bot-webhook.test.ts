/**
 * A signal from a provider's webhook reaches every signal bot that follows the provider exactly
 * once, through the real Hono route, ingest verb and runner: positions open at market with the
 * stop and targets of the signal, the target orders split evenly, and a TradingView exit alert
 * closes them; a Cornix-style text signal opens a limit entry; a TradingView strategy entry opens a
 * position. A bot that does not follow the provider, or was created after the signal, does
 * nothing.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { createApp } from '../../../src/http/app.ts';
import { createBot } from '../../../src/services/bots/create-bot.ts';
import { settleProcessedSignals } from '../../../src/services/runner/pending-signals.ts';
import { createSignalProvider } from '../../../src/services/signals/create-signal-provider.ts';
import { Decimal } from '../../../src/shared/money.ts';
import { consoleActor, createUser } from '../../helpers/actors.ts';
import { ensureStaff, readFixture, staffActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { reconcile, tickBots, useReplay } from '../../helpers/runner.ts';

const t = useTestDatabase({ clock: '2026-03-02T09:00:00Z' });

describe('webhook → signal bots', () => {
  let providerId: string;
  let secret: string;
  let userId: string;
  const bots: Record<'a' | 'b' | 'other' | 'late', string> = { a: '', b: '', other: '', late: '' };
  const post = (body: string) =>
    createApp(t.env).request(`/webhooks/signals/${providerId}?token=${secret}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  const newBot = async (name: string, follows: boolean) =>
    (
      await createBot({
        ctx: t.ctx(consoleActor(userId)),
        input: {
          name, type: 'signal', exchange: 'binance', tradingPair: 'BTC/USDT', timeframe: '1m', initialBalance: '1000', start: true,
          config: { positionSizeQuote: 200, split: 'evenly', trailing: 'none', maxOpenTrades: 5 },
          signalProviderIds: follows ? [providerId] : undefined,
        },
      })
    ).id;

  beforeAll(async () => {
    useReplay(t, 30); // a 5m candle per 10 s tick
    await ensureStaff(t);
    userId = (await createUser(t, { subscriptionPlan: 'enterprise' })).id;
    const p = await createSignalProvider({ ctx: t.ctx(staffActor), input: { name: 'Desk calls', platform: true, config: {} } });
    [providerId, secret] = [p.provider.id, p.secret];
    bots.a = await newBot('follower A', true);
    bots.b = await newBot('follower B', true);
    bots.other = await newBot('not following', false);
  });

  it('opens one position per following bot, with the signal’s stop and evenly split targets', async () => {
    await tickBots(t, Object.values(bots).filter(Boolean), 2);
    const price = (await t.env.market!.forVenue('binance').fetchTicker('BTC/USDT')).last;
    const p = (f: number) => (price * f).toFixed(2);
    const body = JSON.stringify({ symbol: 'BTC/USDT', direction: 'long', entryType: 'market', targets: [p(1.2), p(1.3)], stopLoss: p(0.8) });
    const res = await post(body);
    expect(res.status).toBe(201);
    expect((await post(body)).status).toBe(200); // the repeat is not a second signal
    t.clock.advance(1000);
    bots.late = await newBot('created later', true);

    // the four bots tick together several times; only A and B act, each once
    await tickBots(t, Object.values(bots), 4);
    const deliveries = await t.database.db.select().from(s.botSignalDeliveries);
    expect(deliveries.map((d) => d.botId).sort()).toEqual([bots.a, bots.b].sort());

    for (const id of [bots.a, bots.b]) {
      const positions = await t.database.db.select().from(s.positions).where(eq(s.positions.botId, id));
      expect(positions).toHaveLength(1);
      expect(positions[0].stopLoss?.toFixed()).toBe(new Decimal(p(0.8)).toFixed());
      // the entry spends 200 USDT at market: quantity = 200 / the tick's price, rounded down to the pair's step
      const [entry] = await t.database.db.select().from(s.orders).where(and(eq(s.orders.botId, id), eq(s.orders.side, 'buy')));
      expect(entry.type).toBe('market');
      const [decision] = await t.database.db.select().from(s.executions).where(and(eq(s.executions.botId, id), eq(s.executions.signal, 'BUY')));
      const [pair] = await t.database.db.select().from(s.tradingPairs).where(eq(s.tradingPairs.symbol, 'BTCUSDT')).limit(1);
      const filled = entry.quantity;
      expect(filled.toFixed()).toBe(new Decimal(200).div(decision.price).toDecimalPlaces(pair.quantityPrecision, Decimal.ROUND_DOWN).toFixed());
      const targets = (await t.database.db.select().from(s.orders).where(and(eq(s.orders.botId, id), eq(s.orders.side, 'sell'), eq(s.orders.status, 'open'))))
        .sort((x, y) => x.price!.cmp(y.price!));
      expect(targets.map((o) => o.price!.toFixed())).toEqual([new Decimal(p(1.2)).toFixed(), new Decimal(p(1.3)).toFixed()]);
      // evenly: the two parts add up to the position and differ by at most one quantity step
      expect(targets[0].quantity.add(targets[1].quantity).toFixed()).toBe(filled.toFixed());
      expect(targets[1].quantity.sub(targets[0].quantity).abs().lte('0.00001')).toBe(true);
    }
    for (const id of [bots.other, bots.late]) expect(await t.database.db.select().from(s.orders).where(eq(s.orders.botId, id))).toHaveLength(0);

    // every follower that existed has it, so the signal leaves the queue
    expect(await settleProcessedSignals(t.database.db, t.clock.now())).toBe(1);
    expect((await t.database.db.select().from(s.signals).where(eq(s.signals.providerId, providerId)))[0].processed).toBe(true);
  });

  it('a TradingView strategy exit alert closes the followers’ positions with reason SIGNAL', async () => {
    const exit = JSON.parse(readFixture('tradingview/hackingthemarkets_tradingview_webhook_payload_filled.json'));
    exit.ticker = 'BTCUSDT';
    exit.passphrase = secret;
    Object.assign(exit.strategy, { order_action: 'sell', market_position: 'flat', prev_market_position: 'long', order_id: 'btc exit', order_price: 1 });
    const res = await createApp(t.env).request(`/webhooks/signals/${providerId}`, { method: 'POST', body: JSON.stringify(exit), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'exit', symbol: 'BTC/USDT' });
    await tickBots(t, Object.values(bots), 3);
    for (const id of [bots.a, bots.b]) {
      const open = await t.database.db.select().from(s.positions).where(and(eq(s.positions.botId, id), eq(s.positions.status, 'open')));
      expect(open).toHaveLength(0);
      const [closed] = await t.database.db.select().from(s.positions).where(eq(s.positions.botId, id));
      expect(closed.closeReason).toBe('SIGNAL');
      const left = await t.database.db.select().from(s.orders).where(and(eq(s.orders.botId, id), eq(s.orders.status, 'open')));
      expect(left).toHaveLength(0); // the targets were cancelled
      await reconcile(t, id);
    }
  });

  it('a Cornix-style text signal opens a limit entry that fills, with the stop it names', async () => {
    const price = (await t.env.market!.forVenue('binance').fetchTicker('BTC/USDT')).last;
    const p = (f: number) => (price * f).toFixed(2);
    // a limit entry 2 % above the market is marketable: it fills on the next tick
    const text = `BINANCE\nBTCUSDT LONG\nEntry: ${p(1.02)}\nTarget 1: ${p(1.25)}\nTarget 2: ${p(1.35)}\nStoploss: ${p(0.75)}`;
    const res = await createApp(t.env).request(`/webhooks/signals/${providerId}?token=${secret}`, { method: 'POST', body: text, headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(201);
    await tickBots(t, [bots.a, bots.b], 3);
    for (const id of [bots.a, bots.b]) {
      const open = await t.database.db.select().from(s.positions).where(and(eq(s.positions.botId, id), eq(s.positions.status, 'open')));
      expect(open).toHaveLength(1);
      expect(open[0].stopLoss?.toFixed()).toBe(new Decimal(p(0.75)).toFixed());
      const [entry] = await t.database.db.select().from(s.orders).where(and(eq(s.orders.botId, id), eq(s.orders.positionTag, 's2'), eq(s.orders.side, 'buy')));
      expect([entry.type, entry.price!.toFixed(), entry.status]).toEqual(['limit', new Decimal(p(1.02)).toFixed(), 'filled']);
      await reconcile(t, id);
    }
  });

  it('a TradingView strategy entry alert opens a position on each follower', async () => {
    const price = (await t.env.market!.forVenue('binance').fetchTicker('BTC/USDT')).last;
    const alert = JSON.parse(readFixture('tradingview/hackingthemarkets_tradingview_webhook_payload_filled.json'));
    alert.ticker = 'BTCUSDT';
    alert.passphrase = secret;
    alert.time = '2026-03-02T10:00:00Z';
    Object.assign(alert.strategy, { order_action: 'buy', market_position: 'long', prev_market_position: 'flat', order_id: 'btc long 2', order_price: price, order_contracts: 0.01 });
    const res = await createApp(t.env).request(`/webhooks/signals/${providerId}`, { method: 'POST', body: JSON.stringify(alert), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'entry', symbol: 'BTC/USDT' });
    const before = new Map<string, number>();
    for (const id of [bots.a, bots.b]) before.set(id, (await t.database.db.select().from(s.positions).where(eq(s.positions.botId, id))).length);
    await tickBots(t, [bots.a, bots.b, bots.other], 3);
    for (const id of [bots.a, bots.b]) {
      const all = await t.database.db.select().from(s.positions).where(eq(s.positions.botId, id));
      expect(all.length).toBe(before.get(id)! + 1);
      expect(all.find((p) => p.tag === 's3')?.side).toBe('BUY');
      await reconcile(t, id);
    }
    expect(await t.database.db.select().from(s.orders).where(eq(s.orders.botId, bots.other))).toHaveLength(0);
  });
});
