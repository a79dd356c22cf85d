import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { runUserBacktest } from '../../../src/services/backtests/run-backtest.ts';
import { loadHistory } from '../../../src/services/backtests/load-history.ts';
import { ccxtProvider } from '../../../src/services/market/market-data-provider.ts';
import { consoleActor, createUser } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { useReplay } from '../../helpers/runner.ts';
import { readFileSync } from 'node:fs';

const t = useTestDatabase();

describe('backtests', () => {
  let userId: string;
  beforeAll(async () => {
    useReplay(t);
    userId = (await createUser(t, { subscriptionPlan: 'pro' })).id;
  });

  it('backtests a template over replayed real candles, reports progress and stores the report', async () => {
    const progress: number[] = [];
    // the backtest runs on a worker thread: this process's event loop keeps turning meanwhile
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const out = await runUserBacktest({ ctx: t.ctx(consoleActor(userId)), input: { templateId: 'tpl_dca_classic', days: 30 }, onProgress: (p) => progress.push(p.done / p.total) });
    clearInterval(timer);
    expect(turns).toBeGreaterThan(5);
    expect(out.source).toBe('replay');
    expect(out.candles).toBe(30 * 288); // 5m candles in 30 days
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toBe(1);
    expect(out.summary.totalTrades).toBeGreaterThan(0);
    const [row] = await t.database.db.select().from(s.backtests).where(eq(s.backtests.id, out.id!));
    expect(row.executionTime).toBe(out.executionTimeMs);
    expect(row.totalTrades).toBe(out.summary.totalTrades);
    expect(row.finalBalance!.toDecimalPlaces(8).toFixed()).toBe(out.summary.finalBalance);
    // the stored return is derived from the balances
    expect(row.totalReturn!.eq(row.finalBalance!.sub(row.initialBalance!))).toBe(true);
    expect(out.equity.length).toBeLessThanOrEqual(500);
  });

  it("refuses more days than the plan allows", async () => {
    const free = await createUser(t);
    await expect(runUserBacktest({ ctx: t.ctx(consoleActor(free.id)), input: { type: 'ai', days: 90 } })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('explains a pair with no data offline', async () => {
    await expect(runUserBacktest({ ctx: t.ctx(consoleActor(userId)), input: { type: 'ai', tradingPair: 'ETH/USDT', days: 3 } })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/no bundled history for ETH\/USDT/) });
  });

  it('fetches exchange history page by page through ccxt and caches it', async () => {
    const requests: string[] = [];
    const binanceMarkets = JSON.parse(readFileSync(new URL('../../fixtures/markets/binance.json', import.meta.url), 'utf8'));
    const fetchImplementation = async (url: string) => {
      requests.push(url);
      const u = new URL(url);
      const start = Number(u.searchParams.get('startTime'));
      const limit = Number(u.searchParams.get('limit'));
      const rows = Array.from({ length: limit }, (_, i) => [start + i * 3_600_000, '100', '101', '99', '100.5', '10', start + (i + 1) * 3_600_000 - 1, '1000', 1, '5', '500', '0']);
      return new Response(JSON.stringify(rows), { headers: { 'content-type': 'application/json' } });
    };
    t.env.market = ccxtProvider({ config: t.config, clock: t.clock, logger: t.logger, transport: { fetchImplementation, markets: { binance: binanceMarkets } } });
    const h = await loadHistory(t.env, { exchange: 'binance', symbol: 'BTC/USDT', timeframe: '1h', days: 100 }); // 2,400 candles
    expect(h.source).toBe('exchange');
    expect(h.candles).toHaveLength(2400);
    expect(requests.length).toBe(3); // 1000 + 1000 + 400
    for (let i = 1; i < h.candles.length; i++) expect(h.candles[i].time - h.candles[i - 1].time).toBe(3_600_000);
    const again = await loadHistory(t.env, { exchange: 'binance', symbol: 'BTC/USDT', timeframe: '1h', days: 100 });
    expect(again.source).toBe('cache');
    expect(requests.length).toBe(3);
    useReplay(t);
  });
});
