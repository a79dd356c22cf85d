/**
 * Every indicator agrees with trading-signals (the maintained reference library) to 1e-9
 * relative on real candles — expected values come from trading-signals itself, never from us.
 */
import { describe, expect, it } from 'vitest';
import * as TS from 'trading-signals';
import * as ind from '../../../src/engines/indicators/index.ts';
import type { Candle } from '../../../src/engines/types.ts';
import { realCandleSets, toSeries } from '../helpers/fixtures.ts';
import { firstMismatch } from '../helpers/compare.ts';

const REL = 1e-9;

type Ours = (candles: Candle[]) => Record<string, ArrayLike<number>>;
type Theirs = (candles: Candle[]) => Record<string, (number | null)[]>;

/** Feeds trading-signals candle by candle and reads getResult() after each add. */
function feed<R>(candles: Candle[], make: () => { add(x: any): unknown; getResult(): R | null }, input: (c: Candle) => unknown, pick: (r: R) => Record<string, number>): Record<string, (number | null)[]> {
  const indicator = make();
  const out: Record<string, (number | null)[]> = {};
  candles.forEach((c, i) => {
    indicator.add(input(c));
    const r = indicator.getResult();
    const values = r === null ? null : pick(r);
    for (const key of Object.keys(values ?? {})) out[key] ??= new Array(candles.length).fill(null);
    if (values) for (const [key, v] of Object.entries(values)) out[key][i] = v;
  });
  return out;
}

const close = (c: Candle) => c.close;
const hlc = (c: Candle) => ({ high: c.high, low: c.low, close: c.close });
const hlcv = (c: Candle) => ({ open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume });
const one = (r: number) => ({ value: r });

/** trading-signals reports %K together with %D; our batch %K starts dPeriod − 1 bars earlier. */
function withKFromD(s: ind.StochasticSeries): Record<string, Float64Array> {
  return { k: s.k.map((v, i) => (Number.isNaN(s.d[i]) ? Number.NaN : v)), d: s.d };
}

const cases: { name: string; ours: Ours; theirs: Theirs }[] = [
  { name: 'SMA(30)', ours: (c) => ({ value: ind.computeSma(toSeries(c).close, 30) }), theirs: (c) => feed(c, () => new TS.SMA(30), close, one) },
  { name: 'EMA(21), seeded with the first price', ours: (c) => ({ value: ind.computeEma(toSeries(c).close, 21) }), theirs: (c) => feed(c, () => new TS.EMA(21), close, one) },
  { name: 'WMA(20)', ours: (c) => ({ value: ind.computeWma(toSeries(c).close, 20) }), theirs: (c) => feed(c, () => new TS.WMA(20), close, one) },
  { name: 'RSI(14)', ours: (c) => ({ value: ind.computeRsi(toSeries(c).close, 14) }), theirs: (c) => feed(c, () => new TS.RSI(14), close, one) },
  {
    name: 'MACD(12,26,9)',
    ours: (c) => ind.computeMacd(toSeries(c).close, { fast: 12, slow: 26, signal: 9 }) as any,
    theirs: (c) => feed(c, () => new TS.MACD(new TS.EMA(12), new TS.EMA(26), new TS.EMA(9)), close, (r: any) => ({ macd: r.macd, signal: r.signal, histogram: r.histogram })),
  },
  {
    name: 'Bollinger(20,2)',
    ours: (c) => ind.computeBollinger(toSeries(c).close, 20, 2) as any,
    theirs: (c) => feed(c, () => new TS.BollingerBands(20, 2), close, (r: any) => ({ upper: r.upper, middle: r.middle, lower: r.lower })),
  },
  { name: 'ATR(14)', ours: (c) => ({ value: ind.computeAtr(toSeries(c), 14) }), theirs: (c) => feed(c, () => new TS.ATR(14), hlc, one) },
  {
    name: 'ADX(14) (+DI/−DI in percent here, fractions there)',
    ours: (c) => { const a = ind.computeAdx(toSeries(c), 14); return { value: a.adx }; },
    theirs: (c) => feed(c, () => new TS.ADX(14), hlc, one),
  },
  {
    name: 'Stochastic(14,3,3)',
    ours: (c) => withKFromD(ind.computeStochastic(toSeries(c), { kPeriod: 14, kSlowing: 3, dPeriod: 3 })),
    theirs: (c) => feed(c, () => new TS.StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 }), hlc, (r: any) => ({ k: r.stochK, d: r.stochD })),
  },
  { name: 'VWAP (cumulative)', ours: (c) => ({ value: ind.computeVwap(toSeries(c)) }), theirs: (c) => feed(c, () => new TS.VWAP(), hlcv, one) },
  {
    name: 'OBV (ours starts at 0 on bar 0; trading-signals OBV(2) starts on bar 1)',
    ours: (c) => { const o = ind.computeObv(toSeries(c)); o[0] = Number.NaN; return { value: o }; },
    theirs: (c) => feed(c, () => new TS.OBV(2), hlcv, one),
  },
  {
    name: 'Donchian(20)',
    ours: (c) => ind.computeDonchian(toSeries(c), 20) as any,
    theirs: (c) => feed(c, () => new TS.DonchianChannels(20), hlc, (r: any) => ({ upper: r.upper, middle: r.middle, lower: r.lower })),
  },
];

describe('indicators agree with trading-signals on real candles', () => {
  const sets = realCandleSets();
  for (const [setName, candles] of Object.entries(sets)) {
    const scale = candles.reduce((m, c) => Math.max(m, Math.abs(c.close)), 0);
    for (const { name, ours, theirs } of cases) {
      it(`${name} on ${setName}`, () => {
        const expected = theirs(candles);
        const actual = ours(candles);
        const keys = Object.keys(actual).length === 1 && 'value' in actual ? ['value'] : Object.keys(expected);
        for (const key of keys) {
          const exp = expected[key] ?? expected.value;
          expect(exp.some((v) => v !== null), `${key} has values`).toBe(true);
          // OBV and VWAP scale with volume, MACD with price: the floor is the series' own magnitude.
          const keyScale = name.startsWith('OBV') ? 1 : name.startsWith('MACD') ? scale : 0;
          expect(firstMismatch(actual[key], exp, REL, keyScale), `${key}`).toBeNull();
        }
      });
    }
  }

  it('ADX +DI/−DI equal trading-signals fractions × 100', () => {
    const candles = sets['LTC/USDT 1m'];
    const theirs = new TS.ADX(14);
    const ours = ind.createAdx(14);
    for (const c of candles) {
      theirs.add(hlc(c));
      const v = ind.updateAdx(ours, c.high, c.low, c.close);
      if (theirs.getResult() !== null && v) {
        expect(Math.abs(v.pdi - (theirs.pdi as number) * 100)).toBeLessThanOrEqual(1e-9 * Math.max(1, v.pdi));
        expect(Math.abs(v.mdi - (theirs.mdi as number) * 100)).toBeLessThanOrEqual(1e-9 * Math.max(1, v.mdi));
      }
    }
  });
});
