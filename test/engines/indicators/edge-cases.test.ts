/** Empty and short series, zero volume, gaps and bad parameters — expected values worked out by hand. */
import { describe, expect, it } from 'vitest';
import * as ind from '../../../src/engines/indicators/index.ts';
import { loadArrayCandles, toSeries } from '../helpers/fixtures.ts';

const empty = { time: [], open: [], high: [], low: [], close: [], volume: [] };

describe('indicator edge cases', () => {
  it('an empty series gives empty outputs', () => {
    expect(ind.computeSma([], 3).length).toBe(0);
    expect(ind.computeEma([], 3).length).toBe(0);
    expect(ind.computeRsi([], 3).length).toBe(0);
    expect(ind.computeMacd([]).macd.length).toBe(0);
    expect(ind.computeAtr(empty, 3).length).toBe(0);
    expect(ind.computeAdx(empty, 3).adx.length).toBe(0);
    expect(ind.computeStochastic(empty).k.length).toBe(0);
    expect(ind.computeVwap(empty).length).toBe(0);
    expect(ind.computeObv(empty).length).toBe(0);
    expect(ind.computeDonchian(empty, 3).upper.length).toBe(0);
    expect(ind.computeBollinger([], 3).middle.length).toBe(0);
    expect(ind.computeWma([], 3).length).toBe(0);
  });

  it('a series shorter than the period has no values yet', () => {
    expect(Array.from(ind.computeSma([1, 2], 3)).every(Number.isNaN)).toBe(true);
    expect(Array.from(ind.computeRsi([1, 2, 3], 3)).every(Number.isNaN)).toBe(true); // RSI(3) needs 4 prices
    expect(ind.computeRsi([1, 2, 3, 4], 3)[3]).toBe(100);
    const s = ind.createEma(3);
    expect(ind.updateEma(s, 10)).toBeNull();
    expect(ind.updateEma(s, 10)).toBeNull();
    expect(ind.updateEma(s, 10)).toBe(10);
  });

  it('period 1 SMA is the price itself, WMA(3) weights 1,2,3', () => {
    expect(Array.from(ind.computeSma([5, 7, 9], 1))).toEqual([5, 7, 9]);
    // (1·1 + 2·2 + 3·6) / 6 = 23/6
    expect(ind.computeWma([1, 2, 6], 3)[2]).toBeCloseTo(23 / 6, 14);
  });

  it('zero volume: VWAP ignores the candle, OBV does not move', () => {
    const series = { high: [11, 13, 20], low: [9, 11, 10], close: [10, 12, 15], volume: [0, 2, 0] };
    const vwap = ind.computeVwap(series);
    // bar 0 has no volume → no value; bar 1: typical (13+11+12)/3 = 12; bar 2 weighs nothing → still 12
    expect(Number.isNaN(vwap[0])).toBe(true);
    expect(vwap[1]).toBe(12);
    expect(vwap[2]).toBe(12);
    expect(Array.from(ind.computeObv(series))).toEqual([0, 2, 2]);
  });

  it('zero-volume candles in real data (XRP/ETH) never produce NaN after VWAP has started', () => {
    const s = toSeries(loadArrayCandles('ohlcv/freqtrade_XRP_ETH-1m.json'));
    expect(Array.from(s.volume).filter((v) => v === 0).length).toBeGreaterThan(1000);
    const vwap = ind.computeVwap(s);
    const first = vwap.findIndex((v) => !Number.isNaN(v));
    expect(Array.from(vwap.slice(first)).every(Number.isFinite)).toBe(true);
  });

  it('a gap in the candles does not reset anything: indicators treat bars as consecutive', () => {
    const candles = loadArrayCandles('ohlcv/freqtrade_UNITTEST_BTC-1m.json');
    const gapAt = candles.findIndex((c, i) => i > 0 && c.time - candles[i - 1].time > 60_000);
    expect(gapAt).toBeGreaterThan(0);
    const s = toSeries(candles);
    const sma = ind.computeSma(s.close, 5);
    // The SMA across the gap is the plain mean of the five bars around it.
    const expected = (s.close[gapAt - 2] + s.close[gapAt - 1] + s.close[gapAt] + s.close[gapAt + 1] + s.close[gapAt + 2]) / 5;
    expect(sma[gapAt + 2]).toBeCloseTo(expected, 15);
  });

  it('a flat market: RSI 100 (no losses), ATR 0, ADX 0 (trading-signals gives NaN here), Bollinger bands collapse', () => {
    const flat = { high: Array(40).fill(5), low: Array(40).fill(5), close: Array(40).fill(5) };
    expect(ind.computeRsi(flat.close, 14)[39]).toBe(100);
    expect(ind.computeAtr(flat, 14)[39]).toBe(0);
    expect(ind.computeAdx(flat, 14).adx[39]).toBe(0);
    const b = ind.computeBollinger(flat.close, 20, 2);
    expect([b.upper[39], b.middle[39], b.lower[39]]).toEqual([5, 5, 5]);
  });

  it('session VWAP restarts at the session boundary', () => {
    const day = 86_400_000;
    const series = { time: [0, 1000, day, day + 1000], high: [10, 20, 30, 40], low: [10, 20, 30, 40], close: [10, 20, 30, 40], volume: [1, 1, 1, 3] };
    const v = ind.computeVwap(series, { sessionMs: day });
    expect(Array.from(v)).toEqual([10, 15, 30, (30 + 120) / 4]);
  });

  it('rejects a non-integer or non-positive period with the name and the allowed range', () => {
    expect(() => ind.createSma(0)).toThrow('SMA: period must be an integer >= 1 (got 0)');
    expect(() => ind.computeRsi([1], 2.5)).toThrow(/RSI: period must be an integer >= 1/);
    expect(() => ind.createEma(5, 'first', 1.5)).toThrow(/k must be in \(0, 1\]/);
  });

  it('indicator state survives a JSON round trip mid-stream', () => {
    const candles = loadArrayCandles('ohlcv/trading-signals_LTC_USDT-1m.json').slice(0, 200);
    const a = ind.createAdx(14);
    let b = ind.createAdx(14);
    candles.forEach((c, i) => {
      const x = ind.updateAdx(a, c.high, c.low, c.close);
      if (i % 25 === 0) b = JSON.parse(JSON.stringify(b));
      expect(ind.updateAdx(b, c.high, c.low, c.close)).toEqual(x);
    });
  });
});
