/**
 * Provider reliability from real outcomes: signals sent through the webhook at real BTC/USDT
 * candle times, judged over the following candles (first of TP1 or the stop), then scored
 * 100 × (hits + 2) / (hits + stops + 4).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { createSignalProvider } from '../../../src/services/signals/create-signal-provider.ts';
import { evaluateSignalOutcomes } from '../../../src/services/signals/evaluate-signal-outcomes.ts';
import { recomputeReliability, reliabilityScore } from '../../../src/services/signals/recompute-reliability.ts';
import { ensureStaff, staffActor, systemActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { bundledCandles, fakeMarket } from '../../helpers/fake-market.ts';

const t = useTestDatabase();
const candles = bundledCandles('BTC/USDT', '5m');
const FIVE_MIN = 300_000;

beforeAll(async () => {
  await ensureStaff(t);
  t.env.market = fakeMarket({ 'BTC/USDT': candles });
});

describe('provider reliability', () => {
  it('scores the prior as documented', () => {
    expect(reliabilityScore(0, 0)).toBe(0);
    expect(reliabilityScore(1, 0)).toBeCloseTo(60, 10);
    expect(reliabilityScore(10, 0)).toBeCloseTo(85.714285714, 6);
    expect(reliabilityScore(2, 1)).toBeCloseTo(400 / 7, 10);
  });

  it('judges each signal by the first of TP1 or the stop and recomputes the score', async () => {
    const p = await createSignalProvider({ ctx: t.ctx(staffActor), input: { name: 'R', platform: true } });
    const send = async (i: number, tp: number, sl: number, id: string) => {
      t.clock.set(candles[i].time + FIVE_MIN); // the signal arrives as bar i closes
      const body = JSON.stringify({ symbol: 'BTC/USDT', direction: 'long', entries: [String(candles[i].close)], targets: [tp.toFixed(2)], stopLoss: sl.toFixed(2) });
      const res = await createApp(t.env).request(`/webhooks/signals/${p.provider.id}?token=${p.secret}`, { method: 'POST', body, headers: { 'idempotency-key': id } });
      expect(res.status).toBe(201);
    };
    // Levels read off the next ten bars: a target at their highest high is reached, a stop at
    // their lowest low is reached; the other level is far away.
    const next = (i: number) => candles.slice(i + 1, i + 11);
    const maxHigh = (i: number) => Math.max(...next(i).map((c) => c.high));
    const minLow = (i: number) => Math.min(...next(i).map((c) => c.low));
    const rising = (from: number) => { let i = from; while (maxHigh(i) < candles[i].close * 1.001) i += 1; return i; };
    const falling = (from: number) => { let i = from; while (minLow(i) > candles[i].close * 0.999) i += 1; return i; };
    const [a, b, c] = [rising(1000), rising(2000), falling(3000)];
    await send(a, maxHigh(a) - 0.01, candles[a].close * 0.5, 'a');
    await send(b, maxHigh(b) - 0.01, candles[b].close * 0.5, 'b');
    await send(c, candles[c].close * 2, minLow(c) + 0.01, 'c');
    await send(4000, candles[4000].close * 2, candles[4000].close * 0.5, 'd'); // neither, for a while

    t.clock.set(candles[4000].time + 60 * FIVE_MIN);
    const first = await evaluateSignalOutcomes({ ctx: t.ctx(systemActor), input: {} });
    expect(first).toEqual({ evaluated: 4, decided: 3 });
    const outcomes = (await t.database.pool.query('select outcome from signals where provider_id = $1 order by created_at', [p.provider.id])).rows.map((r) => r.outcome);
    expect(outcomes).toEqual(['tp1', 'tp1', 'stop', null]);

    await recomputeReliability({ ctx: t.ctx(systemActor), input: {} });
    const score = (await t.database.pool.query('select reliability from signal_providers where id = $1', [p.provider.id])).rows[0].reliability;
    expect(Number(score)).toBeCloseTo((100 * 4) / 7, 5);

    // after seven days without either level the last one is expired and does not count
    t.clock.set(candles[4000].time + 8 * 86_400_000);
    await evaluateSignalOutcomes({ ctx: t.ctx(systemActor), input: {} });
    await recomputeReliability({ ctx: t.ctx(systemActor), input: {} });
    const after = await t.database.pool.query('select outcome from signals where provider_id = $1 order by created_at desc limit 1', [p.provider.id]);
    expect(after.rows[0].outcome).toBe('expired');
    expect(Number((await t.database.pool.query('select reliability from signal_providers where id = $1', [p.provider.id])).rows[0].reliability)).toBeCloseTo((100 * 4) / 7, 5);
  });
});
