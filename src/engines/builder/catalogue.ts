import { z } from 'zod';
import * as ind from '../indicators/index.ts';
import { enumField, intField, numberField } from '../config-fields.ts';
import type { Candle, CandleSeries } from '../types.ts';

/**
 * The indicators a built strategy can use: parameter schema, output lines, how many bars pass
 * before the first value, and the two forms (streaming for decide(), batch for the fast path),
 * which give bit-identical values.
 */
export interface IndicatorDef<P = any> {
  params: z.ZodType<P>;
  outputs: readonly string[];
  lookback(p: P): number;
  create(p: P): any;
  /** Advances the streaming state by one closed candle and returns every output (null while warming up). */
  update(state: any, c: Candle): (number | null)[];
  compute(s: CandleSeries, p: P): Float64Array[];
}

const period = (fallback: number) => intField('period', 1, 1000).default(fallback);
const single = (v: number | null) => [v];

const macdParams = z.object({
  fast: intField('fast', 1, 500).default(12),
  slow: intField('slow', 2, 1000).default(26),
  signal: intField('signal', 1, 500).default(9),
}).refine((p) => p.fast < p.slow, { message: 'fast must be smaller than slow', path: ['fast'] });

export const INDICATORS = {
  sma: {
    params: z.object({ period: period(20) }), outputs: ['value'], lookback: (p) => p.period - 1,
    create: (p) => ind.createSma(p.period), update: (s, c) => single(ind.updateSma(s, c.close)), compute: (s, p) => [ind.computeSma(s.close, p.period)],
  } as IndicatorDef<{ period: number }>,
  ema: {
    params: z.object({ period: period(20), seed: enumField('seed', ['first', 'sma']).default('first') }), outputs: ['value'], lookback: (p) => p.period - 1,
    create: (p) => ind.createEma(p.period, p.seed), update: (s, c) => single(ind.updateEma(s, c.close)), compute: (s, p) => [ind.computeEma(s.close, p.period, p.seed)],
  } as IndicatorDef<{ period: number; seed: ind.EmaSeed }>,
  wma: {
    params: z.object({ period: period(20) }), outputs: ['value'], lookback: (p) => p.period - 1,
    create: (p) => ind.createWma(p.period), update: (s, c) => single(ind.updateWma(s, c.close)), compute: (s, p) => [ind.computeWma(s.close, p.period)],
  } as IndicatorDef<{ period: number }>,
  rsi: {
    params: z.object({ period: period(14) }), outputs: ['value'], lookback: (p) => p.period,
    create: (p) => ind.createRsi(p.period), update: (s, c) => single(ind.updateRsi(s, c.close)), compute: (s, p) => [ind.computeRsi(s.close, p.period)],
  } as IndicatorDef<{ period: number }>,
  macd: {
    params: macdParams, outputs: ['macd', 'signal', 'histogram'], lookback: (p) => p.slow - 1,
    create: (p) => ind.createMacd(p),
    update: (s: ind.MacdState, c) => {
      const ready = ind.stepMacd(s, c.close, false);
      const macd = s.count >= s.slowPeriod ? s.macd : null;
      return ready ? [macd, s.signalValue, (macd as number) - (s.signalValue as number)] : [macd, null, null];
    },
    compute: (s, p) => { const m = ind.computeMacd(s.close, p); return [m.macd, m.signal, m.histogram]; },
  } as IndicatorDef<{ fast: number; slow: number; signal: number }>,
  bollinger: {
    params: z.object({ period: period(20), multiplier: numberField('multiplier', 0, 10, { exclusiveMin: true }).default(2) }),
    outputs: ['upper', 'middle', 'lower'], lookback: (p) => p.period - 1,
    create: (p) => ind.createBollinger(p.period, p.multiplier),
    update: (s, c) => { const b = ind.updateBollinger(s, c.close); return b ? [b.upper, b.middle, b.lower] : [null, null, null]; },
    compute: (s, p) => { const b = ind.computeBollinger(s.close, p.period, p.multiplier); return [b.upper, b.middle, b.lower]; },
  } as IndicatorDef<{ period: number; multiplier: number }>,
  atr: {
    params: z.object({ period: period(14) }), outputs: ['value'], lookback: (p) => p.period - 1,
    create: (p) => ind.createAtr(p.period), update: (s, c) => single(ind.updateAtr(s, c.high, c.low, c.close)), compute: (s, p) => [ind.computeAtr(s, p.period)],
  } as IndicatorDef<{ period: number }>,
  adx: {
    params: z.object({ period: period(14) }), outputs: ['adx', 'pdi', 'mdi'], lookback: (p) => 2 * p.period - 2,
    create: (p) => ind.createAdx(p.period),
    update: (s, c) => { const a = ind.updateAdx(s, c.high, c.low, c.close); return a ? [a.adx, a.pdi, a.mdi] : [null, null, null]; },
    compute: (s, p) => { const a = ind.computeAdx(s, p.period); return [a.adx, a.pdi, a.mdi]; },
  } as IndicatorDef<{ period: number }>,
  stochastic: {
    params: z.object({ kPeriod: intField('kPeriod', 1, 500).default(14), kSlowing: intField('kSlowing', 1, 100).default(3), dPeriod: intField('dPeriod', 1, 100).default(3) }),
    outputs: ['k', 'd'], lookback: (p) => p.kPeriod + p.kSlowing + p.dPeriod - 3,
    create: (p) => ind.createStochastic(p),
    update: (s: ind.StochasticState, c) => { ind.stepStochastic(s, c.high, c.low, c.close, false); return [s.k, s.d]; },
    compute: (s, p) => { const k = ind.computeStochastic(s, p); return [k.k, k.d]; },
  } as IndicatorDef<{ kPeriod: number; kSlowing: number; dPeriod: number }>,
  vwap: {
    params: z.object({ sessionMs: intField('sessionMs', 60_000, 604_800_000).nullable().default(null) }), outputs: ['value'], lookback: () => 0,
    create: (p) => ind.createVwap(p), update: (s, c) => single(ind.updateVwap(s, c.high, c.low, c.close, c.volume, c.time)), compute: (s, p) => [ind.computeVwap(s, p)],
  } as IndicatorDef<{ sessionMs: number | null }>,
  obv: {
    params: z.object({}), outputs: ['value'], lookback: () => 0,
    create: () => ind.createObv(), update: (s, c) => single(ind.updateObv(s, c.close, c.volume)), compute: (s) => [ind.computeObv(s)],
  } as IndicatorDef<Record<string, never>>,
  donchian: {
    params: z.object({ period: period(20) }), outputs: ['upper', 'middle', 'lower'], lookback: (p) => p.period - 1,
    create: (p) => ind.createDonchian(p.period),
    update: (s, c) => { const d = ind.updateDonchian(s, c.high, c.low); return d ? [d.upper, d.middle, d.lower] : [null, null, null]; },
    compute: (s, p) => { const d = ind.computeDonchian(s, p.period); return [d.upper, d.middle, d.lower]; },
  } as IndicatorDef<{ period: number }>,
} satisfies Record<string, IndicatorDef>;

export type IndicatorId = keyof typeof INDICATORS;
export const INDICATOR_IDS = Object.keys(INDICATORS) as [IndicatorId, ...IndicatorId[]];
