/** Metric formulas (docs/backtest-metrics.md) checked on series small enough to work out here. */
import { describe, expect, it } from 'vitest';
import * as m from '../../../src/engines/metrics/index.ts';
import { d } from '../helpers/scenario.ts';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2024, 0, 1); // 2024-01-01 was a Monday

describe('period returns and risk-adjusted ratios', () => {
  // Five weekdays: no weekend bars → 252 periods a year.
  const time = [0, 1, 2, 3, 4].map((k) => MONDAY + k * DAY);
  const equity = [100, 110, 99, 108.9, 108.9];

  it('takes day-over-day returns and detects a weekday-only market', () => {
    const r = m.computePeriodReturns(time, equity, '1d');
    expect(Array.from(r.returns).map((x) => Number(x.toFixed(12)))).toEqual([0.1, -0.1, 0.1, 0]);
    expect(r.periodsPerYear).toBe(252);
  });

  it('uses 365 periods when bars fall on weekends, 52 for weekly bars', () => {
    const week = Array.from({ length: 7 }, (_, k) => MONDAY + k * DAY);
    expect(m.computePeriodReturns(week, week.map(() => 1), '1d').periodsPerYear).toBe(365);
    expect(m.computePeriodReturns([MONDAY, MONDAY + 7 * DAY], [1, 1], '1w').periodsPerYear).toBe(52);
  });

  it('resamples intraday equity to the last value of each UTC day', () => {
    const t = [MONDAY, MONDAY + 3_600_000, MONDAY + DAY, MONDAY + DAY + 60_000];
    expect(Array.from(m.computePeriodReturns(t, [100, 90, 95, 99], '1h').returns)).toEqual([99 / 90 - 1]);
  });

  it('Sharpe, Sortino and Calmar follow the compounded definitions', () => {
    const r = [0.1, -0.1, 0.1, 0];
    const g = Math.pow(1.1 * 0.9 * 1.1 * 1, 1 / 4) - 1;
    const annual = Math.pow(1 + g, 252) - 1;
    const variance = (0.075 ** 2 + 0.125 ** 2 + 0.075 ** 2 + 0.025 ** 2) / 3;
    const vol = Math.sqrt(Math.pow(variance + (1 + g) ** 2, 252) - Math.pow(1 + g, 504));
    const downside = Math.sqrt((0.1 ** 2) / 4) * Math.sqrt(252);
    const rr = m.computeRiskReturn(r, 252);
    expect(rr.annualReturn).toBeCloseTo(annual, 10);
    expect(rr.annualVolatility).toBeCloseTo(vol, 10);
    expect(rr.sharpeRatio).toBeCloseTo(annual / vol, 10);
    expect(rr.sortinoRatio).toBeCloseTo(annual / downside, 10);
    expect(m.computeRiskReturn(r, 252, 0.02).sharpeRatio).toBeCloseTo((annual - 0.02) / vol, 10);
    const dd = m.computeDrawdown(equity);
    expect(dd.maxDrawdownFraction).toBeCloseTo(0.1, 12); // 110 → 99
    expect(dd.maxDrawdown).toBeCloseTo(11, 12);
    expect(m.computeCalmar(annual, 0.1)).toBeCloseTo(annual / 0.1, 10);
  });

  it('ratios without a denominator are null; no returns gives zeros', () => {
    const flat = m.computeRiskReturn([0, 0, 0], 365);
    expect([flat.sharpeRatio, flat.sortinoRatio]).toEqual([null, null]);
    expect(m.computeRiskReturn([], 365).annualReturn).toBe(0);
    expect(m.computeCalmar(0.2, 0)).toBeNull();
  });

  it('CAGR runs over calendar years of 365.25 days', () => {
    const years = 2;
    expect(m.computeCagr(100, 121, 0, years * 365.25 * DAY)).toBeCloseTo(0.1, 12);
    expect(m.computeCagr(100, 121, 5, 5)).toBeNull();
  });
});

describe('trade statistics', () => {
  const trades = [10, 5, -5, -5, -5, 20, 0].map((p) => ({ pnl: d(p), returnPct: p / 100, fees: d('0.1') }));

  it('counts wins and losses (break-even is neither), streaks, profit factors and expectancy', () => {
    const s = m.computeTradeStats(trades);
    expect([s.totalTrades, s.winningTrades, s.losingTrades]).toEqual([7, 3, 3]);
    expect(s.winRate).toBeCloseTo((3 / 7) * 100, 12);
    expect(s.profitFactor).toBeCloseTo(35 / 15, 12);
    expect(s.profitFactorReturns).toBeCloseTo(0.35 / 0.15, 12);
    expect(s.expectancy?.eq(d(20).div(7))).toBe(true); // (10 + 5 − 15 + 20 + 0) / 7, at the configured precision
    expect(s.expectancyPercent).toBeCloseTo(20 / 7, 12);
    expect([s.bestTrade?.toFixed(), s.worstTrade?.toFixed()]).toEqual(['20', '-5']);
    expect([s.bestTradePercent, s.worstTradePercent]).toEqual([20, -5]);
    const geometric = Math.pow(1.1 * 1.05 * 0.95 ** 3 * 1.2 * 1, 1 / 7) - 1;
    expect(s.avgTradePercent).toBeCloseTo(geometric * 100, 10);
    expect([s.maxConsecutiveWins, s.maxConsecutiveLosses]).toEqual([2, 3]);
    expect(s.totalFees.toFixed()).toBe('0.7');
  });

  it('no trades: nulls, not zeros pretending to be results', () => {
    const s = m.computeTradeStats([]);
    expect([s.winRate, s.profitFactor, s.expectancy, s.bestTrade]).toEqual([null, null, null, null]);
  });
});

describe('risk score and rating (docs/performance-rating.md)', () => {
  it('weighs drawdown 50 %, volatility 30 %, tail 20 %', () => {
    // drawdown 20 % → 40, volatility 30 % → 30, worst trade −5 % → 20
    expect(m.computeRiskScore(20, 30, -5).score).toBe(0.5 * 40 + 0.3 * 30 + 0.2 * 20);
    expect(m.computeRiskScore(80, 250, -40).score).toBe(100);
  });

  it('rates by return, Sharpe, drawdown, profit factor and number of trades', () => {
    const base = { totalReturnPercent: 30, sharpeRatio: 2, maxDrawdownPercent: 10, profitFactor: 2, totalTrades: 40 };
    expect(m.rateStrategy(base)).toBe('excellent');
    expect(m.rateStrategy({ ...base, totalTrades: 15 })).toBe('good');
    expect(m.rateStrategy({ ...base, sharpeRatio: 1.2, maxDrawdownPercent: 20 })).toBe('good');
    expect(m.rateStrategy({ ...base, sharpeRatio: 0.4 })).toBe('fair');
    expect(m.rateStrategy({ ...base, totalReturnPercent: -1 })).toBe('poor');
    expect(m.rateStrategy({ ...base, maxDrawdownPercent: 45 })).toBe('poor');
  });

  it('builds the performance_snapshots row', () => {
    const time = [0, 1, 2, 3, 4].map((k) => MONDAY + k * DAY);
    const snap = m.computePerformanceSnapshot({
      trades: [{ pnl: d(10), returnPct: 0.1 }, { pnl: d(-1.1), returnPct: -0.01 }], equity: { time, equity: [100, 110, 99, 108.9, 108.9] },
      initialBalance: d(100), finalBalance: d('108.9'), timeframe: '1d',
    });
    expect([snap.totalTrades, snap.winRate, snap.totalReturn.toFixed(), snap.totalReturnPercent.toFixed()]).toEqual([2, 50, '8.9', '8.9']);
    expect(snap.maxDrawdownPercent).toBeCloseTo(10, 10);
    expect(snap.profitFactor).toBeCloseTo(10 / 1.1, 12);
    expect(['excellent', 'good', 'fair', 'poor']).toContain(snap.rating);
    expect(snap.riskScore).toBeGreaterThan(0);
  });
});
