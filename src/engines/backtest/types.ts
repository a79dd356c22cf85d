import type { Decimal } from '../../shared/money.ts';
import type { FillRules, PaperRejection } from '../fills/types.ts';
import type { CloseReason, ExternalSignal, Fees, OrderBook, PairRules, Candle, Timeframe } from '../types.ts';

/** A round trip: every fill of one positionTag from flat back to flat. */
export interface BacktestTrade {
  positionTag: string;
  side: 'long' | 'short';
  entryTime: number;
  exitTime: number;
  entryIndex: number;
  exitIndex: number;
  /** Quantity-weighted average fill prices. */
  entryPrice: Decimal;
  exitPrice: Decimal;
  quantity: Decimal;
  /** Net of all fees, in quote. */
  pnl: Decimal;
  fees: Decimal;
  /** pnl / entry notional (entry price × quantity), as a fraction. */
  returnPct: number;
  closeReason: CloseReason | null;
  fills: number;
}

export interface EquityCurve {
  time: Float64Array;
  equity: Float64Array;
}

/** Extra market data for one decision (signals, order books, other symbols), keyed by candle index. */
export interface MarketExtras {
  signals?: ExternalSignal[];
  books?: Record<string, OrderBook>;
  universe?: Record<string, Candle[]>;
}

export interface BacktestProgress {
  done: number;
  total: number;
}

export interface BacktestSettings {
  pair: PairRules;
  fees: Fees;
  timeframe: Timeframe;
  initialQuote: Decimal;
  initialBase?: Decimal;
  fillRules?: Partial<FillRules>;
  /**
   * What happens to open positions after the last candle: 'close' (default) sells/buys them at
   * the last close; 'open' at the last candle's open, as backtesting.py's finalize_trades does;
   * 'none' leaves them open and valued at the last close.
   */
  finalize?: 'close' | 'open' | 'none';
  /** Annual risk-free rate as a fraction, for Sharpe and Sortino (default 0). */
  riskFreeRate?: number;
  onProgress?: (progress: BacktestProgress) => void;
  /** Report progress every this many candles (default: 1 % of the run). */
  progressEvery?: number;
  feed?: (index: number, candle: Candle) => MarketExtras | undefined;
}

export interface BacktestReport {
  symbol: string;
  timeframe: Timeframe;
  startTime: number;
  endTime: number;
  candleCount: number;
  initialBalance: Decimal;
  finalBalance: Decimal;
  totalReturn: Decimal;
  totalReturnPercent: Decimal;
  cagrPercent: number | null;
  annualReturnPercent: number | null;
  annualVolatilityPercent: number | null;
  maxDrawdownPercent: number;
  maxDrawdown: number;
  sharpeRatio: number | null;
  sortinoRatio: number | null;
  calmarRatio: number | null;
  totalTrades: number;
  winningTrades: number;
  losingTrades: number;
  winRate: number | null;
  profitFactor: number | null;
  profitFactorReturns: number | null;
  expectancy: Decimal | null;
  expectancyPercent: number | null;
  bestTrade: Decimal | null;
  worstTrade: Decimal | null;
  avgTrade: Decimal | null;
  bestTradePercent: number | null;
  worstTradePercent: number | null;
  avgTradePercent: number | null;
  maxConsecutiveWins: number;
  maxConsecutiveLosses: number;
  totalFees: Decimal;
  exposurePercent: number;
  buyAndHoldReturnPercent: number | null;
  decisions: { buy: number; sell: number; hold: number };
  rejections: PaperRejection[];
  trades: BacktestTrade[];
  equityCurve: EquityCurve;
}
