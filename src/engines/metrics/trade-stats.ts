import { ZERO, type Decimal } from '../../shared/money.ts';
import { fromUnits, lanes, PRECISION_LIMIT, placesOf, toUnits } from '../fills/fixed-point.ts';

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
  const money = lanes.exact ? sumMoneyExact(trades) : null;
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
  for (let k = 0; k < n; k++) {
    const t = trades[k];
    // The sign of the pnl, and its sums and extremes: in the exact lane when every pnl fits it.
    let sign: number;
    if (money) {
      const u = money.pnl[k];
      sign = u > 0n ? 1 : u < 0n ? -1 : 0;
      if (k === money.best) best = t.pnl;
      if (k === money.worst) worst = t.pnl;
    } else {
      totalPnl = totalPnl.add(t.pnl);
      if (t.fees) totalFees = totalFees.add(t.fees);
      if (best === null || t.pnl.gt(best)) best = t.pnl;
      if (worst === null || t.pnl.lt(worst)) worst = t.pnl;
      sign = t.pnl.gt(0) ? 1 : t.pnl.lt(0) ? -1 : 0;
      if (sign > 0) grossProfit = grossProfit.add(t.pnl);
      else if (sign < 0) grossLoss = grossLoss.sub(t.pnl);
    }
    if (sign > 0) {
      wins++;
      streakWins++;
      streakLosses = 0;
    } else if (sign < 0) {
      losses++;
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
  if (money) {
    totalPnl = fromUnits(money.total, money.scale);
    totalFees = fromUnits(money.fees, money.scale);
    grossProfit = fromUnits(money.profit, money.scale);
    grossLoss = fromUnits(money.loss, money.scale);
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

/**
 * The money sums of the trades in the exact lane (fills/fixed-point.ts): every pnl and fee as
 * units of one scale, summed in BigInt. The Decimal running sums are exact while every partial
 * sum stays under 80 digits, which |pnl| and |fees| summed under 10^80 guarantees; otherwise
 * null, and the Decimal loop runs. Best and worst are the first trades holding the extremes,
 * as with the strict comparisons of that loop.
 */
function sumMoneyExact(trades: readonly TradeOutcome[]) {
  let scale = 0;
  for (const t of trades) scale = Math.max(scale, placesOf(t.pnl), t.fees ? placesOf(t.fees) : 0);
  const pnl: bigint[] = new Array(trades.length);
  let total = 0n, fees = 0n, profit = 0n, loss = 0n, sumAbs = 0n, feesAbs = 0n;
  let best = -1, worst = -1;
  for (let k = 0; k < trades.length; k++) {
    const u = toUnits(trades[k].pnl, scale);
    const f = trades[k].fees ? toUnits(trades[k].fees as Decimal, scale) : 0n;
    if (u === null || f === null) return null;
    pnl[k] = u;
    total += u;
    fees += f;
    feesAbs += f < 0n ? -f : f;
    if (u > 0n) profit += u;
    else if (u < 0n) loss -= u;
    sumAbs += u < 0n ? -u : u;
    if (best < 0 || u > pnl[best]) best = k;
    if (worst < 0 || u < pnl[worst]) worst = k;
  }
  if (sumAbs >= PRECISION_LIMIT || feesAbs >= PRECISION_LIMIT) return null;
  return { scale, pnl, total, fees, profit, loss, best, worst };
}
