import { ZERO, type Decimal } from '../../shared/money.ts';

/** The per-trade inputs of the statistics: money in Decimal, the return as a fraction. */
export interface TradeOutcome {
  pnl: Decimal;
  returnPct: number;
  fees?: Decimal;
}

export interface TradeStats {
  totalTrades: number;
  winningTrades: number;
  losingTrades: number;
  /** Percent of trades with pnl > 0; a break-even trade is neither a win nor a loss. */
  winRate: number | null;
  /** Gross profit / gross loss in money (null when there is no loss). */
  profitFactor: number | null;
  /** backtesting.py's profit factor: sum of positive trade returns / |sum of negative ones|. */
  profitFactorReturns: number | null;
  /** Mean pnl per trade = win rate × average win − loss rate × average loss. */
  expectancy: Decimal | null;
  /** Arithmetic mean of trade returns, percent. */
  expectancyPercent: number | null;
  bestTrade: Decimal | null;
  worstTrade: Decimal | null;
  avgTrade: Decimal | null;
  bestTradePercent: number | null;
  worstTradePercent: number | null;
  /** Geometric mean of trade returns, percent (backtesting.py's "Avg. Trade"). */
  avgTradePercent: number | null;
  maxConsecutiveWins: number;
  maxConsecutiveLosses: number;
  grossProfit: Decimal;
  grossLoss: Decimal;
  totalFees: Decimal;
}

export function computeTradeStats(trades: readonly TradeOutcome[]): TradeStats {
  const n = trades.length;
  let wins = 0;
  let losses = 0;
  let grossProfit = ZERO;
  let grossLoss = ZERO;
  let totalPnl = ZERO;
  let totalFees = ZERO;
  let best: Decimal | null = null;
  let worst: Decimal | null = null;
  let positiveReturns = 0;
  let negativeReturns = 0;
  let sumReturns = 0;
  let logSum = 0;
  let ruined = false;
  let streakWins = 0;
  let streakLosses = 0;
  let maxWins = 0;
  let maxLosses = 0;
  let bestReturn = -Infinity;
  let worstReturn = Infinity;
  for (const t of trades) {
    totalPnl = totalPnl.add(t.pnl);
    if (t.fees) totalFees = totalFees.add(t.fees);
    if (best === null || t.pnl.gt(best)) best = t.pnl;
    if (worst === null || t.pnl.lt(worst)) worst = t.pnl;
    if (t.pnl.gt(0)) {
      wins++;
      grossProfit = grossProfit.add(t.pnl);
      streakWins++;
      streakLosses = 0;
    } else if (t.pnl.lt(0)) {
      losses++;
      grossLoss = grossLoss.sub(t.pnl);
      streakLosses++;
      streakWins = 0;
    } else {
      streakWins = 0;
      streakLosses = 0;
    }
    maxWins = Math.max(maxWins, streakWins);
    maxLosses = Math.max(maxLosses, streakLosses);
    const r = t.returnPct;
    bestReturn = Math.max(bestReturn, r);
    worstReturn = Math.min(worstReturn, r);
    if (r > 0) positiveReturns += r;
    if (r < 0) negativeReturns -= r;
    sumReturns += r;
    if (1 + r <= 0) ruined = true;
    else logSum += Math.log(1 + r);
  }
  return {
    totalTrades: n,
    winningTrades: wins,
    losingTrades: losses,
    winRate: n ? (wins / n) * 100 : null,
    profitFactor: grossLoss.gt(0) ? grossProfit.div(grossLoss).toNumber() : null,
    profitFactorReturns: negativeReturns > 0 ? positiveReturns / negativeReturns : null,
    expectancy: n ? totalPnl.div(n) : null,
    expectancyPercent: n ? (sumReturns / n) * 100 : null,
    bestTrade: best,
    worstTrade: worst,
    avgTrade: n ? totalPnl.div(n) : null,
    bestTradePercent: n ? bestReturn * 100 : null,
    worstTradePercent: n ? worstReturn * 100 : null,
    avgTradePercent: n ? (ruined ? 0 : Math.exp(logSum / n) - 1) * 100 : null,
    maxConsecutiveWins: maxWins,
    maxConsecutiveLosses: maxLosses,
    grossProfit,
    grossLoss,
    totalFees,
  };
}
