/**
 * Daily/weekly recaps in the tenant's time zone (win rate and pips) and strategy-made
 * signals on forex_config thresholds.
 */
import { ADX, ATR, RSI } from 'trading-signals';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideForexSignal, type ForexStrategyParams } from '../../../src/engines/community/forex-strategy.ts';
import { postSignalRecaps } from '../../../src/services/channels/post-signal-recaps.ts';
import { runForexStrategies, withinTradingHours } from '../../../src/services/channels/run-forex-strategies.ts';
import { setTenantSettings } from '../../../src/services/tenants/set-tenant-settings.ts';
import { ensureStaff, makeTenant, systemActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { bundledCandles, fakeMarket } from '../../helpers/fake-market.ts';

const t = useTestDatabase();
const candles = bundledCandles('BTC/USDT', '5m');

beforeAll(async () => {
  await ensureStaff(t);
  await makeTenant(t, 'berlin', 'Europe/Berlin');
  await t.database.pool.query(
    `insert into tenant_bot_connections (id, tenant_id, bot_role, bot_token_encrypted, channel_id, webhook_secret) values ('b1', 'berlin', 'signal_bot', 'x', '-100777', 'y')`,
  );
});

async function closedSignal(closedAt: string, pips: string) {
  await t.database.pool.query(
    `insert into forex_signals (id, tenant_id, direction, entry_price, stop_loss, status, created_at, closed_at, result_pips, result_pct)
     values ($1, 'berlin', 'BUY', 2000, 1990, 'CLOSED', $2::timestamptz - interval '1 hour', $2, $3, $3::numeric / 100)`,
    [`fx-${closedAt}`, closedAt, pips],
  );
}

describe('recaps', () => {
  it("posts yesterday's and last week's results once, counted in the tenant's time zone", async () => {
    // Berlin is UTC+1 in March: Sunday 1 March local runs from 28 Feb 23:00Z to 1 Mar 23:00Z.
    await closedSignal('2026-02-28T22:30:00Z', '50'); // Saturday 23:30 local: last week, not yesterday
    await closedSignal('2026-02-28T23:30:00Z', '120'); // Sunday 00:30 local
    await closedSignal('2026-03-01T12:00:00Z', '-40');
    await closedSignal('2026-03-01T18:00:00Z', '0');
    await closedSignal('2026-03-01T23:30:00Z', '70'); // Monday 00:30 local: today
    t.clock.set('2026-03-02T09:00:00Z');
    expect(await postSignalRecaps({ ctx: t.ctx(systemActor), input: {} })).toEqual({ posted: 2 });
    expect(await postSignalRecaps({ ctx: t.ctx(systemActor), input: {} })).toEqual({ posted: 0 });
    const rows = (await t.database.pool.query(`select dedupe_key, text, chat_id from channel_messages where kind = 'recap' order by dedupe_key`)).rows;
    expect(rows.map((r) => r.dedupe_key)).toEqual(['recap:day:2026-03-01', 'recap:week:2026-02-23']);
    // day: +120, -40, 0 → 1 win, 1 loss, 1 breakeven; win rate 1/(1+1) = 50 %; pips +80
    expect(rows[0].text).toContain('Signals: 3 · Wins: 1 · Losses: 1 · Breakeven: 1');
    expect(rows[0].text).toContain('Win rate: 50.0%');
    expect(rows[0].text).toContain('Pips: +80.0 (best +120.0, worst -40.0)');
    // week of Mon 23 Feb: the four signals before Monday 00:00 local; 2 wins, 1 loss → 66.7 %, +130 pips
    expect(rows[1].text).toContain('Signals: 4 · Wins: 2 · Losses: 1 · Breakeven: 1');
    expect(rows[1].text).toContain('Win rate: 66.7%');
    expect(rows[1].text).toContain('Pips: +130.0');
    expect(rows[0].chat_id).toBe('-100777');
  });
});

describe('forex strategy', () => {
  const params: ForexStrategyParams = { strategy: 'rsi_adx', rsiPeriod: 14, rsiOversold: 30, rsiOverbought: 70, adxPeriod: 14, adxMin: 20, atrPeriod: 14, slMultiplier: 1.5, tpMultiplier: 1, pricePlaces: 2 };

  /** The first bar where RSI leaves an extreme with ADX ≥ 20, found with the reference library directly. */
  function firstCross(from: number) {
    const rsi = new RSI(14);
    const adx = new ADX(14);
    const atr = new ATR(14);
    let prev: number | null = null;
    for (let i = from; i < candles.length; i += 1) {
      const c = candles[i];
      const r = rsi.update(c.close, false) ?? null;
      adx.update(c, false);
      atr.update(c, false);
      const a = adx.getResult();
      if (i - from > 60 && prev !== null && r !== null && a != null && a >= 20 && ((prev < 30 && r >= 30) || (prev > 70 && r <= 70))) {
        return { i, buy: prev < 30, atr: atr.getResult()! };
      }
      prev = r;
    }
    throw new Error('no cross');
  }

  it('decides on RSI leaving an extreme with a strong trend; stop and targets from ATR', () => {
    const from = 500;
    const cross = firstCross(from);
    const decision = decideForexSignal(candles.slice(from, cross.i + 1), params)!;
    expect(decision.direction).toBe(cross.buy ? 'BUY' : 'SELL');
    const close = candles[cross.i].close;
    const sign = cross.buy ? 1 : -1;
    expect(Number(decision.entry)).toBeCloseTo(close, 2);
    expect(Number(decision.stopLoss)).toBeCloseTo(close - sign * 1.5 * cross.atr, 2);
    expect(decision.targets.map(Number)).toEqual([1, 2, 3].map((k) => Number((close + sign * k * cross.atr).toFixed(2))));
    expect(decideForexSignal(candles.slice(from, cross.i), params)).toBeNull();
  });

  it('creates one channel signal per bar inside trading hours, and none while one is open', async () => {
    await makeTenant(t, 'strat');
    await t.database.pool.query(`insert into tenant_bot_connections (id, tenant_id, bot_role, bot_token_encrypted, channel_id, webhook_secret) values ('s1', 'strat', 'signal_bot', 'x', '-100888', 'y')`);
    await setTenantSettings({ ctx: t.ctx(systemActor), input: { tenantId: 'strat', scope: 'forex', values: { active_strategy: 'rsi_adx', symbol: 'BTC/USDT', pip_size: '0.1', timeframe: '15min', trading_hours_start: 8, trading_hours_end: 20 } } });
    // Serve the 5m series as if it were 15m bars; place "now" right after a crossing bar.
    const series = candles.map((c, i) => ({ ...c, time: candles[0].time + i * 900_000 }));
    t.env.market = fakeMarket({ 'BTC/USDT': series });
    let cross = firstCross(500);
    while (new Date(series[cross.i].time + 900_000).getUTCHours() < 8 || new Date(series[cross.i].time + 900_000).getUTCHours() >= 20) cross = firstCross(cross.i - 60);
    t.clock.set(series[cross.i].time + 900_000);
    expect(await runForexStrategies({ ctx: t.ctx(systemActor), input: { tenantId: 'strat' } })).toEqual({ created: 1 });
    expect(await runForexStrategies({ ctx: t.ctx(systemActor), input: { tenantId: 'strat' } })).toEqual({ created: 0 });
    const fx = (await t.database.pool.query(`select * from forex_signals where tenant_id = 'strat'`)).rows;
    expect(fx).toHaveLength(1);
    expect(fx[0]).toMatchObject({ source: 'strategy', direction: cross.buy ? 'BUY' : 'SELL', timeframe: '15min', dedupe_key: `strategy:BTC/USDT:${series[cross.i].time}` });
    expect(fx[0].indicators_used).toMatchObject({ strategy: 'rsi_adx' });
    expect((await t.database.pool.query(`select count(*)::int as n from channel_messages where tenant_id = 'strat' and kind = 'post'`)).rows[0].n).toBe(1);
  });

  it('reads trading hours in the tenant zone, wrapping midnight', () => {
    expect(withinTradingHours({ trading_hours_start: 8, trading_hours_end: 20 }, 7)).toBe(false);
    expect(withinTradingHours({ trading_hours_start: 8, trading_hours_end: 20 }, 8)).toBe(true);
    expect(withinTradingHours({ trading_hours_start: 22, trading_hours_end: 6 }, 23)).toBe(true);
    expect(withinTradingHours({ trading_hours_start: 22, trading_hours_end: 6 }, 12)).toBe(false);
  });
});
