/** Chart data: the last candles of a pair with indicator series aligned to them, checked against the formulas. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getChartData } from '../../../src/services/market/get-chart-data.ts';
import { listTradingPairs } from '../../../src/services/market/list-trading-pairs.ts';
import { consoleActor, createUser } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { useReplay } from '../../helpers/runner.ts';

const t = useTestDatabase();
let ctx: ReturnType<typeof t.ctx>;

beforeAll(async () => {
  useReplay(t);
  ctx = t.ctx(consoleActor((await createUser(t)).id));
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('getChartData', () => {
  it('returns the candles with SMA and Bollinger series aligned to them', async () => {
    const data = await getChartData({ ctx, input: { pair: 'btc/usdt', timeframe: '5m', candles: 100, indicators: [{ kind: 'sma', period: 50 }, { kind: 'bb', period: 20 }] } });
    expect(data).toMatchObject({ pair: 'BTC/USDT', timeframe: '5m', exchange: 'binance', source: 'replay' });
    expect(data.candles).toHaveLength(100);
    expect(data.overlays.map((o) => o.name)).toEqual(['SMA 50', 'BB 20 upper', 'BB 20 middle', 'BB 20 lower']);
    for (const o of data.overlays) expect(o.values).toHaveLength(100);
    const closes = data.candles.map((c) => c.close);
    const sma = data.overlays[0].values;
    // warm-up was fetched before the window, so even the first shown candle has a value
    expect(sma[0]).not.toBeNull();
    expect(sma[99]).toBeCloseTo(mean(closes.slice(50)), 6);
    const last20 = closes.slice(80);
    const sd = Math.sqrt(mean(last20.map((x) => (x - mean(last20)) ** 2)));
    expect(data.overlays[2].values[99]).toBeCloseTo(mean(last20), 6);
    expect(data.overlays[1].values[99]).toBeCloseTo(mean(last20) + 2 * sd, 6);
    expect(data.last).toBe(closes[99]);
  });

  it('explains a pair without prices, and validates indicator lengths', async () => {
    await expect(getChartData({ ctx, input: { pair: 'ETH/USDT' } })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/No 1h prices for ETH\/USDT on binance/) });
    await expect(getChartData({ ctx, input: { pair: 'BTC/USDT', indicators: [{ kind: 'ema', period: 1000 }] } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('lists the pairs a venue has here', async () => {
    expect(await listTradingPairs({ ctx, input: { exchange: 'okx' } })).toEqual(expect.arrayContaining(['BTC/USDT', 'ETH/BTC', 'LTC/USDT']));
  });
});
