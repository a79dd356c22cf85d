import { HUNDRED, ZERO, type Decimal } from '../../shared/money.ts';
import type { Timeframe } from '../types.ts';
import { computePeriodReturns } from './returns.ts';
import { computeDrawdown, computeRiskReturn } from './ratios.ts';
import { computeTradeStats, type TradeOutcome } from './trade-stats.ts';

export type Rating = 'excellent' | 'good' | 'fair' | 'poor';

/** The performance_snapshots row an engine run produces (thresholds: docs/performance-rating.md). */
export interface PerformanceSnapshot {
  totalTrades: number;
  winRate: number | null;
  totalReturn: Decimal;
  totalReturnPercent: Decimal;
  maxDrawdownPercent: number;
  sharpeRatio: number | null;
  profitFactor: number | null;
  riskScore: number;
  rating: Rating;
  /** The detailed metrics blob (the `metrics` jsonb column). */
  metrics: {
    annualReturnPercent: number;
    annualVolatilityPercent: number;
    sortinoRatio: number | null;
    worstTradePercent: number | null;
    maxConsecutiveLosses: number;
    riskComponents: { drawdown: number; volatility: number; tail: number };
  };
}

export interface PerformanceInput {
  trades: readonly TradeOutcome[];
  equity: { time: ArrayLike<number>; equity: ArrayLike<number> };
  initialBalance: Decimal;
  finalBalance: Decimal;
  timeframe?: Timeframe;
  riskFreeRate?: number;
}

export function computePerformanceSnapshot(input: PerformanceInput): PerformanceSnapshot {
  const stats = computeTradeStats(input.trades);
  const { returns, periodsPerYear } = computePeriodReturns(input.equity.time, input.equity.equity, input.timeframe);
  const rr = computeRiskReturn(returns, periodsPerYear, input.riskFreeRate ?? 0);
  const dd = computeDrawdown(input.equity.equity);
  const totalReturn = input.finalBalance.sub(input.initialBalance);
  const totalReturnPercent = input.initialBalance.gt(0) ? totalReturn.div(input.initialBalance).mul(HUNDRED) : ZERO;
  const maxDrawdownPercent = dd.maxDrawdownFraction * 100;
  const risk = computeRiskScore(maxDrawdownPercent, rr.annualVolatility * 100, stats.worstTradePercent);
  return {
    totalTrades: stats.totalTrades,
    winRate: stats.winRate,
    totalReturn,
    totalReturnPercent,
    maxDrawdownPercent,
    sharpeRatio: rr.sharpeRatio,
    profitFactor: stats.profitFactor,
    riskScore: risk.score,
    rating: rateStrategy({ totalReturnPercent: totalReturnPercent.toNumber(), sharpeRatio: rr.sharpeRatio, maxDrawdownPercent, profitFactor: stats.profitFactor, totalTrades: stats.totalTrades }),
    metrics: {
      annualReturnPercent: rr.annualReturn * 100,
      annualVolatilityPercent: rr.annualVolatility * 100,
      sortinoRatio: rr.sortinoRatio,
      worstTradePercent: stats.worstTradePercent,
      maxConsecutiveLosses: stats.maxConsecutiveLosses,
      riskComponents: risk.components,
    },
  };
}

/**
 * Risk score 0–100 (higher is riskier): 50 % drawdown (a 50 % drawdown scores 100), 30 %
 * annualised volatility (100 % scores 100), 20 % tail (a single −25 % trade scores 100).
 */
export function computeRiskScore(maxDrawdownPercent: number, annualVolatilityPercent: number, worstTradePercent: number | null) {
  const drawdown = Math.min(100, Math.max(0, maxDrawdownPercent * 2));
  const volatility = Math.min(100, Math.max(0, annualVolatilityPercent));
  const tail = Math.min(100, Math.max(0, -(worstTradePercent ?? 0) * 4));
  const score = Math.round((0.5 * drawdown + 0.3 * volatility + 0.2 * tail) * 100) / 100;
  return { score, components: { drawdown, volatility, tail } };
}

export interface RatingInput {
  totalReturnPercent: number;
  sharpeRatio: number | null;
  maxDrawdownPercent: number;
  profitFactor: number | null;
  totalTrades: number;
}

/**
 * excellent: return > 0, Sharpe ≥ 1.5, drawdown ≤ 15 %, profit factor ≥ 1.75, ≥ 20 trades;
 * good: return > 0, Sharpe ≥ 1, drawdown ≤ 25 %, profit factor ≥ 1.3, ≥ 10 trades;
 * fair: return ≥ 0 and drawdown ≤ 40 %; poor otherwise. No losing trade counts as an infinite
 * profit factor; too few trades caps the rating, because a handful of trades proves nothing.
 */
export function rateStrategy(r: RatingInput): Rating {
  const pf = r.profitFactor ?? (r.totalReturnPercent > 0 ? Infinity : 0);
  const sharpe = r.sharpeRatio ?? 0;
  if (r.totalReturnPercent > 0 && sharpe >= 1.5 && r.maxDrawdownPercent <= 15 && pf >= 1.75 && r.totalTrades >= 20) return 'excellent';
  if (r.totalReturnPercent > 0 && sharpe >= 1 && r.maxDrawdownPercent <= 25 && pf >= 1.3 && r.totalTrades >= 10) return 'good';
  if (r.totalReturnPercent >= 0 && r.maxDrawdownPercent <= 40) return 'fair';
  return 'poor';
}
