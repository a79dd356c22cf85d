import { describe, expect, it } from 'vitest';
import { ReplayMarketData } from '../../src/exchanges/replay/replay-market-data.ts';
import { loadReplaySeries } from '../../src/exchanges/replay/replay-data.ts';
import { ExchangeError } from '../../src/exchanges/types.ts';
import { ManualClock } from '../../src/shared/clock.ts';
import { readFileSync } from 'node:fs';

const raw = JSON.parse(readFileSync(new URL('../../data/candles/LTC_USDT-1m.json', import.meta.url), 'utf8')) as number[][];

describe('replay feed', () => {
  it('serves the bundled real candles, one per timeframe/speed of wall time', async () => {
    // speed 60: a 1m candle lasts 1 s of wall time. At t = 10.5 s, slot 10 is forming.
    const clock = new ManualClock(10_500);
    const feed = new ReplayMarketData({ clock, speed: 60 });
    const candles = await feed.fetchOHLCV('LTC/USDT', '1m', { limit: 5 });
    const closed = candles.slice(0, -1);
    expect(closed.map((c) => c.time)).toEqual([5000, 6000, 7000, 8000, 9000]);
    expect(closed.map((c) => c.close)).toEqual([5, 6, 7, 8, 9].map((i) => raw[i][4]));
    // the forming candle is half way from its open to its close
    const forming = candles[candles.length - 1];
    expect(forming.open).toBe(raw[10][1]);
    expect(forming.close).toBeCloseTo(raw[10][1] + (raw[10][4] - raw[10][1]) * 0.5, 10);
    expect((await feed.fetchTicker('LTC/USDT')).last).toBeCloseTo(forming.close, 10);
  });

  it('is the same market for every process at the same moment', async () => {
    const a = new ReplayMarketData({ clock: new ManualClock(123_456_789), speed: 60 });
    const b = new ReplayMarketData({ clock: new ManualClock(123_456_789), speed: 60 });
    expect(await a.fetchOHLCV('BTC/USDT', '5m', { limit: 50 })).toEqual(await b.fetchOHLCV('BTC/USDT', '5m', { limit: 50 }));
  });

  it('plays backwards after the end, so prices stay continuous', async () => {
    const n = raw.length; // 2880
    const clock = new ManualClock((n + 2) * 1000 + 999); // slot n+2 forming: mirrored index n-1-2
    const feed = new ReplayMarketData({ clock, speed: 60 });
    const closed = (await feed.fetchOHLCV('LTC/USDT', '1m', { limit: 4 })).slice(0, -1);
    // slots n-1 (last forward), n (mirror of n-1), n+1 (mirror of n-2)
    expect(closed[0].close).toBe(raw[n - 2][4]);
    expect(closed[1].close).toBe(raw[n - 1][4]);
    expect(closed[2].open).toBe(raw[n - 1][4]);
    expect(closed[2].close).toBe(raw[n - 1][1]);
    expect(closed[3].open).toBe(raw[n - 2][4]);
  });

  it('resamples to a larger timeframe: 5 one-minute candles make one 5m candle', async () => {
    const feed = new ReplayMarketData({ clock: new ManualClock(20_000), speed: 60 });
    const five = (await feed.fetchOHLCV('LTC/USDT', '5m', { limit: 2 })).slice(0, -1);
    const rows = raw.slice(10, 15);
    expect(five[0]).toEqual({
      time: 10_000,
      open: rows[0][1],
      high: Math.max(...rows.map((r) => r[2])),
      low: Math.min(...rows.map((r) => r[3])),
      close: rows[4][4],
      volume: rows.reduce((s, r) => s + r[5], 0),
    });
  });

  it('names the replayed pairs when asked for one it does not have', async () => {
    const feed = new ReplayMarketData({ clock: new ManualClock(0), speed: 60 });
    const error = await feed.fetchTicker('PEPE/USDT').catch((e) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error.message).toMatch(/No replay data for PEPE\/USDT.*BTC\/USDT/);
  });

  it('bundles the data it documents', () => {
    const series = loadReplaySeries();
    expect([...series.keys()].sort()).toEqual(['BTC/USDT@1m', 'BTC/USDT@5m', 'ETH/BTC@5m', 'LTC/USDT@1m', 'SOL/USDT@1m']);
  });
});
