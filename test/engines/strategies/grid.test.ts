/** Grid levels (N = number of price levels) and matched buy/sell pairs, worked by hand. */
import { describe, expect, it } from 'vitest';
import { gridEngine } from '../../../src/engines/strategies/index.ts';
import { computeGridLevels } from '../../../src/engines/strategies/grid/levels.ts';
import { runBacktest } from '../../../src/engines/backtest/index.ts';
import { candlesFrom, d, recording, settingsFor } from '../helpers/scenario.ts';

describe('grid levels', () => {
  it('arithmetic: 5 levels from 100 to 200 are 100, 125, 150, 175, 200 (4 cells)', () => {
    expect(computeGridLevels(100, 200, 5, 'arithmetic').map((p) => p.toFixed())).toEqual(['100', '125', '150', '175', '200']);
  });
  it('geometric: 3 levels from 100 to 400 are 100, 200, 400; 5 levels from 1 to 16 double each step', () => {
    expect(computeGridLevels(100, 400, 3, 'geometric').map((p) => p.toDecimalPlaces(20).toFixed())).toEqual(['100', '200', '400']);
    expect(computeGridLevels(1, 16, 5, 'geometric').map((p) => p.toDecimalPlaces(20).toFixed())).toEqual(['1', '2', '4', '8', '16']);
  });
});

describe('grid engine', () => {
  const config = { lowerPrice: 90, upperPrice: 110, gridLevels: 3, investment: 1000 };

  it('rests buys below the price, sells one level up after a buy, and books the matched pair', () => {
    const { engine, log } = recording(gridEngine);
    const candles = candlesFrom([105, [105, 105, 99.5, 101], [101, 110.5, 101, 110], 110]);
    const r = runBacktest(engine, config, candles, settingsFor({ fees: { makerRate: d('0.001'), takerRate: d('0.001') } }));
    // 2 cells, 500 USDT each: buy 500/90 = 5.555 at 90 and 500/100 = 5 at 100
    expect(log[0].intents.map((i: any) => [i.tag, i.price.toFixed(), i.quantity.toFixed()])).toEqual([['g0.0:buy', '90', '5.555'], ['g1.0:buy', '100', '5']]);
    // Cell 1 bought at 100 → sell 5 at 110; sold → buy again at 100
    expect(log[1].intents.map((i: any) => [i.tag, i.price.toFixed()])).toEqual([['g1.0:sell', '110']]);
    expect(log[2].intents.map((i: any) => [i.tag, i.price.toFixed()])).toEqual([['g1.1:buy', '100']]);
    // Profit per pair: 5 × (110 − 100) − maker fees 0.5 − 0.55 = 48.95
    expect(r.trades.map((t) => t.pnl.toFixed())).toEqual(['48.95']);
    expect(log[2].decision.indicators).toMatchObject({ matchedPairs: 1, gridProfit: '48.95' });
  });

  it('buys at market the cells at or above the price and sells them one level up', () => {
    const { engine, log } = recording(gridEngine);
    runBacktest(engine, config, candlesFrom([95, 95, 95]), settingsFor());
    expect(log[0].intents.map((i: any) => [i.tag, i.type])).toEqual([['g0.0:buy', 'limit'], ['g1.0:buy', 'market']]);
    expect(log[1].intents.map((i: any) => [i.tag, i.price.toFixed(), i.quantity.toFixed()])).toEqual([['g1.0:sell', '110', '5']]);
  });

  it('a stop price cancels the grid and sells what it holds', () => {
    const { engine, log } = recording(gridEngine);
    const r = runBacktest(engine, { ...config, stopLossPrice: 85 }, candlesFrom([95, 95, [95, 95, 84, 86], 86, 86]), settingsFor());
    const stop = log[2];
    expect(stop.decision.signal).toBe('SELL');
    // The fall through 90 first filled cell 0's buy (the low comes first), so both cells hold and both are sold.
    expect(stop.intents.filter((i) => i.kind === 'cancel_order').map((i: any) => i.tag)).toEqual(['g1.0:sell']);
    expect(stop.intents.filter((i) => i.kind === 'place_order').map((i: any) => [i.tag, i.closeReason])).toEqual([['g0.0:stop', 'STOP_LOSS'], ['g1.0:stop', 'STOP_LOSS']]);
    // cell 0: 5.555 bought at 90, cell 1: 5 bought at 95; both sold at the next open 86
    expect(r.trades.map((t) => t.pnl.toFixed())).toEqual(['-22.22', '-45']);
    expect(log[3].decision.reason).toBe('grid stopped');
  });

  it('rejects a range upside down and a stop inside the grid', () => {
    const r = gridEngine.configSchema.safeParse({ ...config, lowerPrice: 120, stopLossPrice: 130 });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['upperPrice must be greater than lowerPrice', 'stopLossPrice must be below lowerPrice']);
    expect(gridEngine.configSchema.safeParse({ ...config, gridLevels: 1 }).error?.issues[0].message).toBe('gridLevels must be a whole number between 2 and 500');
  });
});
