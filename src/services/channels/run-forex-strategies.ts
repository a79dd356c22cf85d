/**
 * Strategy-made channel signals (job `community.forex-strategy`): for each tenant whose
 * forex_config names an active strategy, decide on the last closed bar of its symbol inside
 * its trading hours (tenant time zone). One open signal per symbol at a time; the bar's time
 * in the dedupe key makes a repeated run on the same bar a no-op.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { decideForexSignal, warmupBars } from '../../engines/community/forex-strategy.ts';
import { timeframeToMs } from '../../exchanges/replay/replay-data.ts';
import { forexConfig, forexSignals, tenants } from '../../db/schema/index.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { pipSizeFor, readForexSettings, type ForexSettings } from '../tenants/tenant-settings.ts';
import { localTime } from '../tenants/tenant-time.ts';
import { candleSourceFor } from './candle-source.ts';
import { createForexSignal } from './create-forex-signal.ts';

export const runForexStrategies = defineVerb({
  name: 'forex_signal.run_strategies',
  input: z.object({ tenantId: z.string().optional() }),
  allow: isSystemOrStaff,
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    const source = candleSourceFor(env);
    if (!source) return { created: 0 };
    const active = await env.db
      .select({ tenantId: tenants.id, timezone: tenants.timezone })
      .from(forexConfig)
      .innerJoin(tenants, eq(tenants.id, forexConfig.tenantId))
      .where(and(eq(forexConfig.settingKey, 'active_strategy'), eq(forexConfig.settingValue, 'rsi_adx'), input.tenantId ? eq(tenants.id, input.tenantId) : undefined));
    let created = 0;
    for (const tenant of active) {
      const settings = await readForexSettings(env.db, tenant.tenantId);
      const now = env.clock.now();
      if (!withinTradingHours(settings, localTime(now, tenant.timezone).hour)) continue;
      const [open] = await env.db
        .select({ id: forexSignals.id })
        .from(forexSignals)
        .where(and(eq(forexSignals.tenantId, tenant.tenantId), eq(forexSignals.symbol, settings.symbol), isNull(forexSignals.closedAt)));
      if (open) continue;
      const timeframe = settings.timeframe === '15min' ? '15m' : '1h';
      const params = {
        strategy: 'rsi_adx' as const,
        rsiPeriod: settings.rsi_period,
        rsiOversold: settings.rsi_oversold,
        rsiOverbought: settings.rsi_overbought,
        adxPeriod: settings.adx_period,
        adxMin: settings.adx_min_strength,
        atrPeriod: settings.atr_period,
        slMultiplier: settings.sl_multiplier,
        tpMultiplier: settings.tp_multiplier,
        pricePlaces: decimalsOf(pipSizeFor(settings.symbol, settings.pip_size)) + 1,
      };
      const since = now.getTime() - (warmupBars(params) + 50) * timeframeToMs(timeframe);
      const venue = settings.market_venue || env.config.DEFAULT_EXCHANGE;
      try {
        const candles = await source.fetchClosedCandles(venue, settings.symbol, timeframe, since, now.getTime());
        const decision = decideForexSignal(candles, params);
        if (!decision) continue;
        const id = await env.db.transaction((tx) =>
          createForexSignal(tx, {
            tenantId: tenant.tenantId,
            symbol: settings.symbol,
            direction: decision.direction,
            entry: decision.entry,
            stopLoss: decision.stopLoss,
            targets: decision.targets,
            source: 'strategy',
            dedupeKey: `strategy:${settings.symbol}:${decision.barTime}`,
            indicators: decision.indicators,
            now,
          }),
        );
        if (id) created += 1;
      } catch (error) {
        env.logger.warn({ err: error, tenantId: tenant.tenantId, symbol: settings.symbol, venue }, 'forex strategy could not run');
      }
    }
    return { created };
  },
});

/** Trading hours in the tenant's zone; start > end wraps midnight (22 → 6). */
export function withinTradingHours(s: Pick<ForexSettings, 'trading_hours_start' | 'trading_hours_end'>, hour: number): boolean {
  const { trading_hours_start: start, trading_hours_end: end } = s;
  if (start === end) return true; // no window set: all day
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

function decimalsOf(value: string): number {
  return value.includes('.') ? value.split('.')[1].length : 0;
}
