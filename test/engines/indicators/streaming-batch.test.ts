/**
 * The streaming and batch forms are the same arithmetic: streaming candle by candle gives
 * bit-identical numbers to the batch kernels, and replacing the newest (forming) candle gives
 * the same state as if only the final version had been added — also what trading-signals'
 * replace() gives.
 */
import { describe, expect, it } from 'vitest';
import * as TS from 'trading-signals';
import * as ind from '../../../src/engines/indicators/index.ts';
import type { Candle, CandleSeries } from '../../../src/engines/types.ts';
import { loadArrayCandles, toSeries } from '../helpers/fixtures.ts';
import { isClose } from '../helpers/compare.ts';

interface Case {
  name: string;
  create: () => any;
  update: (s: any, c: Candle, replace: boolean) => number[] | null;
  compute: (s: CandleSeries) => Float64Array[];
  theirs?: { make: () => any; input: (c: Candle) => any; read: (r: any) => number[] };
}

const close = (c: Candle) => c.close;
const hlc = (c: Candle) => ({ high: c.high, low: c.low, close: c.close });
const bands = (v: ind.BandsValue | null) => (v ? [v.upper, v.middle, v.lower] : null);

const cases: Case[] = [
  { name: 'SMA', create: () => ind.createSma(10), update: (s, c, r) => wrap(ind.updateSma(s, c.close, r)), compute: (x) => [ind.computeSma(x.close, 10)], theirs: { make: () => new TS.SMA(10), input: close, read: (r) => [r] } },
  { name: 'EMA first-seed', create: () => ind.createEma(10), update: (s, c, r) => wrap(ind.updateEma(s, c.close, r)), compute: (x) => [ind.computeEma(x.close, 10)], theirs: { make: () => new TS.EMA(10), input: close, read: (r) => [r] } },
  { name: 'EMA sma-seed', create: () => ind.createEma(10, 'sma'), update: (s, c, r) => wrap(ind.updateEma(s, c.close, r)), compute: (x) => [ind.computeEma(x.close, 10, 'sma')] },
  { name: 'WMA', create: () => ind.createWma(9), update: (s, c, r) => wrap(ind.updateWma(s, c.close, r)), compute: (x) => [ind.computeWma(x.close, 9)], theirs: { make: () => new TS.WMA(9), input: close, read: (r) => [r] } },
  { name: 'RSI', create: () => ind.createRsi(14), update: (s, c, r) => wrap(ind.updateRsi(s, c.close, r)), compute: (x) => [ind.computeRsi(x.close, 14)], theirs: { make: () => new TS.RSI(14), input: close, read: (r) => [r] } },
  {
    name: 'MACD', create: () => ind.createMacd(), compute: (x) => { const m = ind.computeMacd(x.close); return [m.macd, m.signal, m.histogram]; },
    update: (s, c, r) => { const v = ind.updateMacd(s, c.close, r); return v && [v.macd, v.signal, v.histogram]; },
    theirs: { make: () => new TS.MACD(new TS.EMA(12), new TS.EMA(26), new TS.EMA(9)), input: close, read: (r) => [r.macd, r.signal, r.histogram] },
  },
  {
    name: 'Bollinger', create: () => ind.createBollinger(20, 2), update: (s, c, r) => bands(ind.updateBollinger(s, c.close, r)),
    compute: (x) => { const b = ind.computeBollinger(x.close, 20, 2); return [b.upper, b.middle, b.lower]; },
    theirs: { make: () => new TS.BollingerBands(20, 2), input: close, read: (r) => [r.upper, r.middle, r.lower] },
  },
  { name: 'ATR', create: () => ind.createAtr(14), update: (s, c, r) => wrap(ind.updateAtr(s, c.high, c.low, c.close, r)), compute: (x) => [ind.computeAtr(x, 14)], theirs: { make: () => new TS.ATR(14), input: hlc, read: (r) => [r] } },
  {
    name: 'ADX', create: () => ind.createAdx(14), compute: (x) => { const a = ind.computeAdx(x, 14); return [a.adx, a.pdi, a.mdi]; },
    update: (s, c, r) => { const v = ind.updateAdx(s, c.high, c.low, c.close, r); return v && [v.adx, v.pdi, v.mdi]; },
    theirs: { make: () => new TS.ADX(14), input: hlc, read: (r) => [r] },
  },
  {
    name: 'Stochastic', create: () => ind.createStochastic(), compute: (x) => { const k = ind.computeStochastic(x); return [k.k, k.d]; },
    update: (s, c, r) => { const v = ind.updateStochastic(s, c.high, c.low, c.close, r); return v && [v.k, v.d]; },
    theirs: { make: () => new TS.StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 }), input: hlc, read: (r) => [r.stochK, r.stochD] },
  },
  { name: 'VWAP', create: () => ind.createVwap(), update: (s, c, r) => wrap(ind.updateVwap(s, c.high, c.low, c.close, c.volume, c.time, r)), compute: (x) => [ind.computeVwap(x)] },
  { name: 'OBV', create: () => ind.createObv(), update: (s, c, r) => wrap(ind.updateObv(s, c.close, c.volume, r)), compute: (x) => [ind.computeObv(x)] },
  {
    name: 'Donchian', create: () => ind.createDonchian(20), update: (s, c, r) => bands(ind.updateDonchian(s, c.high, c.low, r)),
    compute: (x) => { const d = ind.computeDonchian(x, 20); return [d.upper, d.middle, d.lower]; },
  },
];

function wrap(v: number | null): number[] | null {
  return v === null ? null : [v];
}

/** A deterministic "forming" version of a candle, to be replaced by the final one. */
function forming(c: Candle, i: number): Candle {
  const f = 1 + ((i % 7) - 3) * 0.003;
  return { ...c, high: c.high * f + c.high * 0.01, low: c.low * f - c.low * 0.01, close: c.close * f, volume: c.volume * 0.5 + 1 };
}

describe('streaming and batch forms', () => {
  const candles = loadArrayCandles('ohlcv/freqtrade_UNITTEST_BTC-1m.json').slice(0, 3000);
  const series = toSeries(candles);

  for (const c of cases) {
    // A batch line starts as soon as it is defined (MACD before its signal, %K before %D); the
    // streaming form returns a value once every line is, so only those bars are compared.
    it(`${c.name}: streaming equals batch bit for bit`, () => {
      const batch = c.compute(series);
      const s = c.create();
      candles.forEach((candle, i) => {
        const v = c.update(s, candle, false);
        if (v === null) {
          if (batch.every((arr) => !Number.isNaN(arr[i]))) expect.fail(`${c.name} at ${i}: streaming has no value, batch has`);
          return;
        }
        batch.forEach((arr, k) => {
          if (!Object.is(v[k], arr[i])) expect.fail(`${c.name}[${k}] at ${i}: streaming ${v[k]} vs batch ${arr[i]}`);
        });
      });
    });

    it(`${c.name}: replacing the forming candle equals adding only the final candle`, () => {
      const plain = c.create();
      const replaced = c.create();
      const theirs = c.theirs?.make();
      candles.forEach((candle, i) => {
        const expected = c.update(plain, candle, false);
        let got: number[] | null;
        if (i % 3 === 0) {
          c.update(replaced, forming(candle, i), false);
          theirs?.add(c.theirs!.input(forming(candle, i)));
          got = c.update(replaced, candle, true);
          theirs?.replace(c.theirs!.input(candle));
        } else {
          got = c.update(replaced, candle, false);
          theirs?.add(c.theirs!.input(candle));
        }
        expect(got === null, `${c.name} at ${i}`).toBe(expected === null);
        // VWAP subtracts the replaced contribution from running sums, so it matches to rounding only.
        expected?.forEach((e, k) => expect(isClose(got![k], e, 1e-12, Math.abs(e) || 1), `${c.name}[${k}] at ${i}`).toBe(true));
        const r = theirs?.getResult();
        if (c.theirs && r !== null && r !== undefined && expected) {
          c.theirs.read(r).forEach((t, k) => expect(isClose(expected[k], t, 1e-9, Math.abs(t) || 1), `${c.name}[${k}] vs trading-signals at ${i}`).toBe(true));
        }
      });
    });
  }
});
