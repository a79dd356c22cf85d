/** What chat and the console show of a bot. */
import type { BotRow } from './bot-access.ts';

export interface BotSummary {
  id: string;
  name: string;
  type: string;
  status: string;
  exchange: string;
  tradingPair: string | null;
  timeframe: string | null;
  paperTrading: boolean;
  initialBalance: string;
  currentBalance: string;
  profit: string;
  profitPercentage: string;
  totalTrades: number;
  winningTrades: number;
  losingTrades: number;
  errorMessage: string | null;
  lastExecutionAt: Date | null;
  createdAt: Date;
}

export function summarizeBot(b: BotRow): BotSummary {
  return {
    id: b.id,
    name: b.name,
    type: b.type,
    status: b.status,
    exchange: b.exchange,
    tradingPair: b.tradingPair,
    timeframe: b.timeframe,
    paperTrading: b.paperTrading,
    initialBalance: b.initialBalance.toFixed(),
    currentBalance: b.currentBalance.toFixed(),
    profit: b.profit.toFixed(),
    profitPercentage: b.profitPercentage.toDecimalPlaces(4).toFixed(),
    totalTrades: b.totalTrades,
    winningTrades: b.winningTrades,
    losingTrades: b.losingTrades,
    errorMessage: b.errorMessage,
    lastExecutionAt: b.lastExecutionAt,
    createdAt: b.createdAt,
  };
}
