/** The generic backtester: progress, warm-up, finalisation, empty and short series, gaps and zero volume. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runBacktest, sampleEquityCurve } from '../../../src/engines/backtest/index.ts';
import type { StrategyEngine } from '../../../src/engines/types.ts';
import { candlesFrom, d, settingsFor, T0 } from '../helpers/scenario.ts';
import { loadArrayCandles } from '../helpers/fixtures.ts';

/** Buys 1 unit at market on its first decision and does nothing else. */
const buyOnce: StrategyEngine<{ warmup: number }, { bought: boolean }> = {
  type: 'ai',
  configSchema: z.object({ warmup: z.number().default(1) }),
  warmupCandles: (c) => c.warmup,
  initialState: () => ({ bought: false }),
  decide: (s, market) => {
    const intents = s.bought ? [] : [{ kind: 'place_order' as const, tag: 'b', side: 'buy' as const, type: 'market' as const, quantity: d(1), positionTag: 'p', effect: 'open' as const, reason: 'buy once' }];
    s.bought = true;
    return { intents, state: s, decision: { signal: intents.length ? 'BUY' : 'HOLD', confidence: 0, reason: '', price: market.price, indicators: {} } };
  },
};

describe('backtest runner', () => {
  const candles = candlesFrom([[100, 100, 100, 100], [101, 103, 100, 102], [102, 106, 101, 105], [105, 110, 104, 108]]);

  it('fills at the next open, marks equity at each close, and closes at the last close by default', () => {
    const r = runBacktest(buyOnce, {}, candles, settingsFor({ finalize: 'close' }));
    expect(Array.from(r.equityCurve.equity)).toEqual([10_000, 10_001, 10_004, 10_007]); // bought at 101, marked at 102, 105, 108
    expect(r.trades).toHaveLength(1);
    expect([r.trades[0].entryPrice.toFixed(), r.trades[0].exitPrice.toFixed(), r.trades[0].pnl.toFixed(), r.trades[0].closeReason]).toEqual(['101', '108', '7', 'BOT_STOPPED']);
    expect(r.finalBalance.toFixed()).toBe('10007');
    expect(r.decisions).toEqual({ buy: 1, sell: 0, hold: 3 });
  });

  it("'none' leaves the position open and values it at the last close; 'open' closes at the last open", () => {
    const open = runBacktest(buyOnce, {}, candles, settingsFor({ finalize: 'none' }));
    expect([open.trades.length, open.finalBalance.toFixed()]).toEqual([0, '10007']);
    const atOpen = runBacktest(buyOnce, {}, candles, settingsFor({ finalize: 'open' }));
    expect([atOpen.trades[0].exitPrice.toFixed(), atOpen.finalBalance.toFixed(), atOpen.equityCurve.equity[3]]).toEqual(['105', '10004', 10_004]);
  });

  it('waits for the warm-up before the first decision', () => {
    const r = runBacktest(buyOnce, { warmup: 3 }, candles, settingsFor({ finalize: 'close' }));
    // First decision on the third candle (index 2), so the order fills at the open of index 3.
    expect(r.trades[0].entryPrice.toFixed()).toBe('105');
  });

  it('reports progress in order, ending at the total', () => {
    const seen: number[] = [];
    runBacktest(buyOnce, {}, candlesFrom(Array.from({ length: 50 }, (_, i) => 100 + i)), settingsFor({ onProgress: (p) => seen.push(p.done), progressEvery: 10 }));
    expect(seen).toEqual([10, 20, 30, 40, 50, 50]);
  });

  it('an empty series and a series shorter than the warm-up give an empty report', () => {
    const empty = runBacktest(buyOnce, {}, [], settingsFor());
    expect([empty.totalTrades, empty.candleCount, empty.sharpeRatio, empty.winRate]).toEqual([0, 0, null, null]);
    const short = runBacktest(buyOnce, { warmup: 10 }, candles, settingsFor());
    expect([short.decisions.buy + short.decisions.hold, short.totalTrades]).toEqual([0, 0]);
  });

  it('runs across gaps and zero-volume candles of real data', () => {
    const real = loadArrayCandles('ohlcv/freqtrade_XRP_ETH-1m.json');
    const r = runBacktest(buyOnce, {}, real, settingsFor({ pair: { symbol: 'XRP/ETH', base: 'XRP', quote: 'ETH', pricePrecision: 8, quantityPrecision: 0, minOrderSize: d(1) }, initialQuote: d(1), finalize: 'close' }));
    expect(r.candleCount).toBe(real.length);
    expect(r.trades).toHaveLength(1);
    expect(Array.from(r.equityCurve.equity).every(Number.isFinite)).toBe(true);
  });

  it('samples the equity curve for storage, keeping the first and last points', () => {
    const curve = { time: Float64Array.from({ length: 10 }, (_, i) => T0 + i), equity: Float64Array.from({ length: 10 }, (_, i) => i) };
    expect(sampleEquityCurve(curve, 4).map((p) => p.equity)).toEqual([0, 3, 6, 9]);
    expect(sampleEquityCurve(curve, 3).map((p) => p.equity)).toEqual([0, 4, 8, 9]);
  });
});
