/**
 * Candles of a pair and timeframe with indicator series computed by the engines, aligned with
 * the candles (null during warm-up), for /chart. Prices come from env.market (the exchange, or
 * the replay feed offline); a process without one (the terminal) replays the bundled candles.
 */
import { z } from 'zod';
import * as ind from '../../engines/indicators/index.ts';
import type { Candle } from '../../engines/types.ts';
import { ExchangeError } from '../../exchanges/types.ts';
import { BOT_EXCHANGES, TIMEFRAMES } from '../../shared/enums.ts';
import { preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { replayProvider } from './market-data-provider.ts';

export const CHART_INDICATORS = ['ema', 'sma', 'wma', 'bb', 'donchian', 'vwap'] as const;
export type ChartIndicatorKind = (typeof CHART_INDICATORS)[number];

const indicator = z.object({
  kind: z.enum(CHART_INDICATORS, { message: `indicator must be one of ${CHART_INDICATORS.join(', ')}` }),
  period: z.number().int('period must be a whole number').min(2, 'period must be between 2 and 200').max(200, 'period must be between 2 and 200').optional(),
});

export const getChartDataInput = z.object({
  exchange: z.enum(BOT_EXCHANGES, { message: `exchange must be one of ${BOT_EXCHANGES.join(', ')}` }).default('binance'),
  pair: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,10}\/[A-Z0-9]{2,10}$/, 'pair must look like BTC/USDT'),
  timeframe: z.enum(TIMEFRAMES, { message: `timeframe must be one of ${TIMEFRAMES.join(', ')}` }).default('1h'),
  indicators: z.array(indicator).max(6, 'at most 6 indicators').default([]),
  candles: z.number().int().min(10).max(300).default(120),
});

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  dashed?: boolean;
  /** Bands share one colour, so upper, middle and lower read as one indicator. */
  color?: string;
}

const DEFAULT_PERIOD: Record<ChartIndicatorKind, number> = { ema: 20, sma: 50, wma: 20, bb: 20, donchian: 20, vwap: 0 };

export const getChartData = defineVerb({
  name: 'market.chart_data',
  input: getChartDataInput,
  transactional: false,
  run: async ({ ctx, input }) => {
    const market = ctx.env.market ?? replayProvider(ctx.env.clock, ctx.env.config.REPLAY_SPEED);
    const warmup = Math.max(0, ...input.indicators.map((i) => 3 * (i.period ?? DEFAULT_PERIOD[i.kind])));
    let all: Candle[];
    try {
      all = await market.forVenue(input.exchange).fetchOHLCV(input.pair, input.timeframe, { limit: Math.min(1000, input.candles + warmup) });
    } catch (error) {
      if (error instanceof ExchangeError) throw preconditionFailed(`No ${input.timeframe} prices for ${input.pair} on ${input.exchange}: ${error.message}`);
      throw error;
    }
    if (all.length === 0) throw preconditionFailed(`${input.exchange} returned no ${input.timeframe} candles for ${input.pair}.`);
    const from = Math.max(0, all.length - input.candles);
    const series = input.indicators.flatMap((i) => computeSeries(i.kind, i.period ?? DEFAULT_PERIOD[i.kind], all)).map((s) => ({ ...s, values: s.values.slice(from) }));
    const candles = all.slice(from);
    return { exchange: input.exchange, pair: input.pair, timeframe: input.timeframe, source: market.mode, candles, overlays: series, last: candles[candles.length - 1].close };
  },
});

function computeSeries(kind: ChartIndicatorKind, period: number, candles: Candle[]): ChartSeries[] {
  const close = Float64Array.from(candles, (c) => c.close);
  const high = Float64Array.from(candles, (c) => c.high);
  const low = Float64Array.from(candles, (c) => c.low);
  const line = (name: string, values: Float64Array, dashed = false, color?: string): ChartSeries => ({ name, values: Array.from(values, (v) => (Number.isFinite(v) ? v : null)), dashed, color });
  switch (kind) {
    case 'ema':
      return [line(`EMA ${period}`, ind.computeEma(close, period))];
    case 'sma':
      return [line(`SMA ${period}`, ind.computeSma(close, period))];
    case 'wma':
      return [line(`WMA ${period}`, ind.computeWma(close, period))];
    case 'bb': {
      const b = ind.computeBollinger(close, period, 2);
      return [line(`BB ${period} upper`, b.upper, true, '#a371f7'), line(`BB ${period} middle`, b.middle, false, '#a371f7'), line(`BB ${period} lower`, b.lower, true, '#a371f7')];
    }
    case 'donchian': {
      const d = ind.computeDonchian({ high, low }, period);
      return [line(`Donchian ${period} upper`, d.upper, true, '#db61a2'), line(`Donchian ${period} lower`, d.lower, true, '#db61a2')];
    }
    case 'vwap':
      return [line('VWAP (daily)', ind.computeVwap({ high, low, close, volume: Float64Array.from(candles, (c) => c.volume), time: Float64Array.from(candles, (c) => c.time) }, { sessionMs: 86_400_000 }))];
  }
}
