import { HUNDRED, ZERO, type Decimal } from '../../shared/money.ts';
import { computeCagr, computeCalmar, computeDrawdown, computeRiskReturn } from '../metrics/ratios.ts';
import { computePeriodReturns } from '../metrics/returns.ts';
import { computeTradeStats } from '../metrics/trade-stats.ts';
import type { PaperRejection } from '../fills/types.ts';
import type { BacktestReport, BacktestSettings, BacktestTrade, EquityCurve } from './types.ts';

export interface ReportInput {
  symbol: string;
  settings: BacktestSettings;
  trades: BacktestTrade[];
  equityCurve: EquityCurve;
  initialBalance: Decimal;
  finalBalance: Decimal;
  exposedBars: number;
  firstDecisionIndex: number;
  closes: ArrayLike<number>;
  decisions: { buy: number; sell: number; hold: number };
  rejections: PaperRejection[];
}

/** Assembles the backtest report (the backtests.result document and backtest_results columns). */
export function buildReport(input: ReportInput): BacktestReport {
  const { equityCurve, settings, closes } = input;
  const n = equityCurve.equity.length;
  const stats = computeTradeStats(input.trades);
  const { returns, periodsPerYear } = computePeriodReturns(equityCurve.time, equityCurve.equity, settings.timeframe);
  const rr = computeRiskReturn(returns, periodsPerYear, settings.riskFreeRate ?? 0);
  const dd = computeDrawdown(equityCurve.equity);
  const totalReturn = input.finalBalance.sub(input.initialBalance);
  const startTime = n ? equityCurve.time[0] : 0;
  const endTime = n ? equityCurve.time[n - 1] : 0;
  const first = Math.min(Math.max(input.firstDecisionIndex, 0), n - 1);
  return {
    symbol: input.symbol,
    timeframe: settings.timeframe,
    startTime,
    endTime,
    candleCount: n,
    initialBalance: input.initialBalance,
    finalBalance: input.finalBalance,
    totalReturn,
    totalReturnPercent: input.initialBalance.gt(0) ? totalReturn.div(input.initialBalance).mul(HUNDRED) : ZERO,
    cagrPercent: nullableTimes100(computeCagr(input.initialBalance.toNumber(), input.finalBalance.toNumber(), startTime, endTime)),
    annualReturnPercent: returns.length ? rr.annualReturn * 100 : null,
    annualVolatilityPercent: returns.length ? rr.annualVolatility * 100 : null,
    maxDrawdownPercent: dd.maxDrawdownFraction * 100,
    maxDrawdown: dd.maxDrawdown,
    sharpeRatio: rr.sharpeRatio,
    sortinoRatio: rr.sortinoRatio,
    calmarRatio: returns.length ? computeCalmar(rr.annualReturn, dd.maxDrawdownFraction) : null,
    totalTrades: stats.totalTrades,
    winningTrades: stats.winningTrades,
    losingTrades: stats.losingTrades,
    winRate: stats.winRate,
    profitFactor: stats.profitFactor,
    profitFactorReturns: stats.profitFactorReturns,
    expectancy: stats.expectancy,
    expectancyPercent: stats.expectancyPercent,
    bestTrade: stats.bestTrade,
    worstTrade: stats.worstTrade,
    avgTrade: stats.avgTrade,
    bestTradePercent: stats.bestTradePercent,
    worstTradePercent: stats.worstTradePercent,
    avgTradePercent: stats.avgTradePercent,
    maxConsecutiveWins: stats.maxConsecutiveWins,
    maxConsecutiveLosses: stats.maxConsecutiveLosses,
    totalFees: stats.totalFees,
    exposurePercent: n ? (input.exposedBars / n) * 100 : 0,
    buyAndHoldReturnPercent: n ? ((closes[n - 1] - closes[first]) / closes[first]) * 100 : null,
    decisions: input.decisions,
    rejections: input.rejections,
    trades: input.trades,
    equityCurve,
  };
}

function nullableTimes100(v: number | null): number | null {
  return v === null ? null : v * 100;
}

/** At most `maxPoints` evenly spaced points of the equity curve (always the first and last), for storage and charts. */
export function sampleEquityCurve(curve: EquityCurve, maxPoints = 1000): { time: number; equity: number }[] {
  const n = curve.equity.length;
  if (n === 0) return [];
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const points: { time: number; equity: number }[] = [];
  for (let i = 0; i < n; i += step) points.push({ time: curve.time[i], equity: curve.equity[i] });
  if ((n - 1) % step !== 0) points.push({ time: curve.time[n - 1], equity: curve.equity[n - 1] });
  return points;
}
