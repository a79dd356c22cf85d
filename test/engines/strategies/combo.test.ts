/** Combo = DCA entries + a grid of take-profit levels above the average. */
import { describe, expect, it } from 'vitest';
import { comboEngine } from '../../../src/engines/strategies/index.ts';
import { comboConfigSchema, comboTakeProfitPlan } from '../../../src/engines/strategies/combo/engine.ts';
import { runBacktest } from '../../../src/engines/backtest/index.ts';
import { candlesFrom, d, recording, settingsFor } from '../helpers/scenario.ts';

describe('combo engine', () => {
  const config = { baseOrderSize: 100, safetyOrderSize: 100, maxSafetyOrders: 1, priceDeviationPercent: 1, gridLevels: 3, firstTakeProfitPercent: 1, lastTakeProfitPercent: 3, cooldownCandles: 99 };

  it('lays take-profit levels 1 %, 2 %, 3 % above the average, a third each', () => {
    const plan = comboTakeProfitPlan(comboConfigSchema.parse(config))(0);
    expect(plan.map((s) => s.percent.toFixed())).toEqual(['1', '2', '3']);
    expect(plan.every((s) => s.fraction.eq(d(1).div(3)))).toBe(true);
    expect(comboTakeProfitPlan(comboConfigSchema.parse({ ...config, gridMode: 'geometric', firstTakeProfitPercent: 1, lastTakeProfitPercent: 21 }))(0).map((s) => s.percent.toDecimalPlaces(6).toFixed()))
      .toEqual(['1', '10.548632', '21']); // √(1.01 × 1.21) − 1 = √1.2221 − 1 = 0.1054863…
  });

  it('sells the position in grid steps and books one trade when the last level fills', () => {
    const { engine, log } = recording(comboEngine);
    const candles = candlesFrom([100, 100, [100, 102.5, 100, 102], [102, 103.5, 101, 103]]);
    const r = runBacktest(engine, config, candles, settingsFor());
    const tps = log[1].intents.filter((i) => i.kind === 'place_order' && i.tag.includes(':tp')).map((i: any) => [i.price.toFixed(), i.quantity.toFixed(), i.effect]);
    // 1.000 bought at 100: 0.333 at 101, 0.333 at 102, the remainder 0.334 at 103
    expect(tps).toEqual([['101', '0.333', 'reduce'], ['102', '0.333', 'reduce'], ['103', '0.334', 'close']]);
    // 0.333 × 101 + 0.333 × 102 + 0.334 × 103 − 100 = 2.001
    expect([r.trades.length, r.trades[0].pnl.toFixed(), r.trades[0].fills]).toEqual([1, '2.001', 4]);
  });
});
