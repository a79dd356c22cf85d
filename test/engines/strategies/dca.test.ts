/** DCA (3Commas) worked examples: safety-order math, a full deal, trailing, steps with break-even, limits. */
import { describe, expect, it } from 'vitest';
import { dcaEngine } from '../../../src/engines/strategies/index.ts';
import { safetyOrderDeviationPercent, safetyOrderVolume, splitQuantity } from '../../../src/engines/strategies/dca/math.ts';
import { runBacktest } from '../../../src/engines/backtest/index.ts';
import { candlesFrom, d, recording, settingsFor, T0, usdtPair } from '../helpers/scenario.ts';

const placed = (intents: any[]) => intents.filter((i) => i.kind === 'place_order').map((i) => [i.tag, i.price?.toFixed() ?? 'market', i.quantity.toFixed()]);

describe('safety-order arithmetic', () => {
  it('cumulative deviation dev·(1−step^n)/(1−step): dev 1 %, step 2 → 1, 3, 7 %; step 1 → dev·n', () => {
    expect([1, 2, 3].map((n) => safetyOrderDeviationPercent(n, 1, 2).toFixed())).toEqual(['1', '3', '7']);
    expect([1, 2, 3].map((n) => safetyOrderDeviationPercent(n, '1.5', 1).toFixed())).toEqual(['1.5', '3', '4.5']);
    // dev 2 %, step 1.5: 2, 2 + 3 = 5, 5 + 4.5 = 9.5
    expect([1, 2, 3].map((n) => safetyOrderDeviationPercent(n, 2, '1.5').toFixed())).toEqual(['2', '5', '9.5']);
  });

  it('volume so·scale^(n−1): 10, 20, 40 for scale 2', () => {
    expect([1, 2, 3].map((n) => safetyOrderVolume(n, 10, 2).toFixed())).toEqual(['10', '20', '40']);
  });

  it('splits a quantity into truncated parts that sum to the whole', () => {
    expect(splitQuantity(d(2), [d(1).div(3), d(1).div(3), d(1).div(3)], 3).map((p) => p.toFixed())).toEqual(['0.666', '0.666', '0.668']);
  });
});

describe('dca engine', () => {
  const base = { baseOrderSize: 100, safetyOrderSize: 100, maxSafetyOrders: 3, activeSafetyOrders: 1, priceDeviationPercent: 1, safetyOrderStepScale: 2, safetyOrderVolumeScale: 2, takeProfitPercent: 1 };

  it('runs a deal: base order, safety order, take profit recomputed from the average, profit booked', () => {
    const { engine, log } = recording(dcaEngine);
    const candles = candlesFrom([100, [100, 100, 100, 100], [100, 100, 98.9, 99], [99, 100.6, 99, 100.55]]);
    const r = runBacktest(engine, { ...base, maxActiveDeals: 1, cooldownCandles: 10 }, candles, settingsFor());
    expect(placed(log[0].intents)).toEqual([['d1:bo', 'market', '1']]); // 100 USDT at 100
    // Base filled at 100: SO1 at 100 × (1 − 1 %) = 99 for 100 USDT → 1.010; TP at 100 × 1.01 = 101 for 1.000
    expect(placed(log[1].intents)).toEqual([['d1:tp1.0', '101', '1'], ['d1:so1', '99', '1.01']]);
    // SO1 filled: average (100 + 99 × 1.01) / 2.01 = 99.4975…; TP 1 % above = 100.4925… → 100.50 (up to the tick)
    // SO2 at 3 % below the base (97) for 200 USDT → 2.061
    expect(placed(log[2].intents)).toEqual([['d1:tp2.0', '100.5', '2.01'], ['d1:so2', '97', '2.061']]);
    expect(log[2].intents.some((i) => i.kind === 'cancel_order' && i.tag === 'd1:tp1.0')).toBe(true);
    // TP filled: 2.01 × 100.50 − (100 + 99.99) = 2.015
    expect(r.trades).toHaveLength(1);
    const t = r.trades[0];
    expect([t.pnl.toFixed(), t.exitPrice.toFixed(), t.quantity.toFixed(), t.closeReason]).toEqual(['2.015', '100.5', '2.01', 'TAKE_PROFIT']);
    expect(t.entryPrice.eq(d('199.99').div('2.01'))).toBe(true);
    expect(log[3].intents.some((i) => i.kind === 'cancel_order' && i.tag === 'd1:so2')).toBe(true);
    expect(log[3].decision.indicators.realizedProfit).toBe('2.015');
  });

  it('trailing take profit arms at the target and sells trailing % below the highest high', () => {
    const candles = candlesFrom([100, 100, [100, 101.2, 100, 101], [101, 102, 101.5, 101.8], [101.8, 101.9, 101.4, 101.5], [101.3, 101.3, 101.3, 101.3]]);
    const r = runBacktest(dcaEngine, { ...base, maxSafetyOrders: 0, trailingTakeProfitPercent: 0.5, cooldownCandles: 99 }, candles, settingsFor());
    // Armed at 101.2 (≥ 101), peak 102; 102 × 0.995 = 101.49 ≥ low 101.4 → market sell at the next open 101.3
    expect([r.trades[0].exitPrice.toFixed(), r.trades[0].pnl.toFixed(), r.trades[0].closeReason]).toEqual(['101.3', '1.3', 'TAKE_PROFIT']);
  });

  it('take-profit steps with the stop moved to break-even after the first step', () => {
    const config = { ...base, maxSafetyOrders: 0, takeProfitPercent: undefined, takeProfitSteps: [{ percent: 1, closePercent: 50 }, { percent: 2, closePercent: 50 }], moveStopToBreakeven: true, stopLossPercent: 5, cooldownCandles: 99 };
    const candles = candlesFrom([100, 100, [100, 101.5, 100, 101], [101, 101, 99.9, 100.2], [99.95, 99.95, 99.95, 99.95]]);
    const r = runBacktest(dcaEngine, config, candles, settingsFor());
    // 0.5 sold at 101; stop moved to the average 100; low 99.9 → rest sold at the next open 99.95
    expect([r.trades[0].pnl.toFixed(), r.trades[0].closeReason]).toEqual(['0.475', 'STOP_LOSS']);
  });

  it('keeps at most maxActiveDeals deals, starting them a cooldown apart', () => {
    const { engine, log } = recording(dcaEngine);
    runBacktest(engine, { ...base, maxActiveDeals: 2, cooldownCandles: 1 }, candlesFrom([100, 100, 100, 100, 100, 100]), settingsFor());
    const starts = log.filter((l) => l.intents.some((i) => i.kind === 'place_order' && i.tag.endsWith(':bo')));
    expect(starts.map((l) => l.index)).toEqual([0, 1]);
  });

  it('config edits apply to new deals only: the running deal keeps its own ladder', () => {
    const a = dcaEngine.configSchema.parse({ ...base, priceDeviationPercent: 1 });
    const b = dcaEngine.configSchema.parse({ ...base, priceDeviationPercent: 5 });
    const market = (fills: any[], openOrderTags: string[] = []) => ({
      time: T0, symbol: 'BTC/USDT', candles: candlesFrom([100]), price: 100, pair: usdtPair(), fees: { makerRate: d(0), takerRate: d(0) },
      balances: { quote: d(10_000), base: d(0) }, fills, openOrderTags,
    });
    let s = dcaEngine.initialState(a);
    s = dcaEngine.decide(s, market([]), a).state;
    const r = dcaEngine.decide(JSON.parse(JSON.stringify(s)), market([{ tag: 'd1:bo', side: 'buy', price: d(100), quantity: d(1), fee: d(0), time: T0 }]), b);
    // still 1 % below the base order (the deal's config), not 5 %
    expect(placed(r.intents).find(([tag]) => tag === 'd1:so1')).toEqual(['d1:so1', '99', '1.01']);
  });

  it('rejects bad configs naming the field and the range', () => {
    const r = dcaEngine.configSchema.safeParse({ ...base, baseOrderSize: -1, safetyOrderStepScale: 20 });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('baseOrderSize must be a decimal number greater than 0');
    expect(messages).toContain('safetyOrderStepScale must be at least 0.1 and at most 10');
    const both = dcaEngine.configSchema.safeParse({ ...base, takeProfitSteps: [{ percent: 1, closePercent: 100 }] });
    expect(both.error?.issues[0].message).toBe('set exactly one of takeProfitPercent and takeProfitSteps');
  });
});
