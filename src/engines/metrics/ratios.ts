/**
 * Risk-adjusted return figures from period returns, with backtesting.py's definitions
 * (compounded annualisation; formulas in docs/backtest-metrics.md). A ratio whose denominator
 * is zero is null rather than Infinity, so it can be stored in a numeric column.
 */
export interface RiskReturn {
  geometricMeanReturn: number;
  annualReturn: number;
  annualVolatility: number;
  sharpeRatio: number | null;
  sortinoRatio: number | null;
}

export function computeRiskReturn(returns: ArrayLike<number>, periodsPerYear: number, riskFreeRate = 0): RiskReturn {
  const n = returns.length;
  if (n === 0) return { geometricMeanReturn: 0, annualReturn: 0, annualVolatility: 0, sharpeRatio: null, sortinoRatio: null };
  let logSum = 0;
  let sum = 0;
  let downsideSquares = 0;
  let ruined = false;
  for (let i = 0; i < n; i++) {
    const r = returns[i];
    if (1 + r <= 0) ruined = true;
    else logSum += Math.log(1 + r);
    sum += r;
    if (r < 0) downsideSquares += r * r;
  }
  const g = ruined ? 0 : Math.exp(logSum / n) - 1;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (returns[i] - mean) ** 2;
  const variance = n > 1 ? squares / (n - 1) : 0;
  const A = periodsPerYear;
  const annualReturn = (1 + g) ** A - 1;
  const annualVolatility = Math.sqrt(Math.max(0, (variance + (1 + g) ** 2) ** A - (1 + g) ** (2 * A)));
  const downside = Math.sqrt(downsideSquares / n) * Math.sqrt(A);
  return {
    geometricMeanReturn: g,
    annualReturn,
    annualVolatility,
    sharpeRatio: annualVolatility > 0 ? (annualReturn - riskFreeRate) / annualVolatility : null,
    sortinoRatio: downside > 0 ? (annualReturn - riskFreeRate) / downside : null,
  };
}

export interface Drawdown {
  /** Largest peak-to-trough fall of equity, as a fraction of the peak. */
  maxDrawdownFraction: number;
  /** Largest peak-to-trough fall in quote units. */
  maxDrawdown: number;
}

export function computeDrawdown(equity: ArrayLike<number>): Drawdown {
  let peak = -Infinity;
  let fraction = 0;
  let absolute = 0;
  // Under one peak, 1 − e / peak and peak − e only grow as e falls (IEEE division and subtraction
  // are monotonic), so only a new low since the peak can raise them: bars between that low and
  // the peak are skipped (a 1M-bar curve: ~3 ms instead of a division on every bar).
  let low = Infinity;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i];
    if (e > peak) {
      peak = e;
      low = e;
    } else if (e >= low) continue; // NaN falls through, as it would have poisoned the maxima
    else low = e;
    if (peak > 0) fraction = Math.max(fraction, 1 - e / peak);
    absolute = Math.max(absolute, peak - e);
  }
  return { maxDrawdownFraction: fraction, maxDrawdown: absolute };
}

const YEAR_MS = 365.25 * 86_400_000;

/** Compound annual growth over calendar time (years of 365.25 days), or null for a zero-length run. */
export function computeCagr(initial: number, final: number, startTime: number, endTime: number): number | null {
  const years = (endTime - startTime) / YEAR_MS;
  if (!(years > 0) || !(initial > 0)) return null;
  if (final <= 0) return -1;
  return (final / initial) ** (1 / years) - 1;
}

export function computeCalmar(annualReturn: number, maxDrawdownFraction: number): number | null {
  return maxDrawdownFraction > 0 ? annualReturn / maxDrawdownFraction : null;
}
