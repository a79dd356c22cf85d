/**
 * Runs backtests on a worker thread, so a long backtest neither blocks the process's event loop
 * (webhooks, chat) nor hides its progress: progress messages reach the caller while it runs.
 * Inputs and results cross the thread boundary as plain data (Decimals as strings).
 */
import { parentPort } from 'node:worker_threads';
import { runBacktest, sampleEquityCurve } from '../../engines/backtest/index.ts';
import { createBuilderEngine } from '../../engines/builder/index.ts';
import { strategyEngines } from '../../engines/strategies/index.ts';
import type { BotType, Candle, Timeframe } from '../../engines/types.ts';
import { Decimal } from '../../shared/money.ts';

export interface WorkerJob {
  id: number;
  engine: { kind: 'bot'; type: BotType } | { kind: 'builder' };
  config: unknown;
  candles: Candle[];
  pair: { symbol: string; base: string; quote: string; pricePrecision: number; quantityPrecision: number; minOrderSize: string; maxOrderSize: string | null };
  fees: { makerRate: string; takerRate: string };
  timeframe: Timeframe;
  initialQuote: string;
  slippageBps: number;
}

parentPort?.on('message', (job: WorkerJob) => {
  try {
    const engine = job.engine.kind === 'builder' ? createBuilderEngine() : strategyEngines[job.engine.type];
    const report = runBacktest(engine, job.config, job.candles, {
      pair: { ...job.pair, minOrderSize: new Decimal(job.pair.minOrderSize), maxOrderSize: job.pair.maxOrderSize ? new Decimal(job.pair.maxOrderSize) : null },
      fees: { makerRate: new Decimal(job.fees.makerRate), takerRate: new Decimal(job.fees.takerRate) },
      timeframe: job.timeframe,
      initialQuote: new Decimal(job.initialQuote),
      fillRules: { slippageBps: job.slippageBps },
      progressEvery: Math.max(1, Math.floor(job.candles.length / 20)),
      onProgress: (p) => parentPort!.postMessage({ id: job.id, kind: 'progress', done: p.done, total: p.total }),
    });
    const s = (d: Decimal | null) => (d === null ? null : d.toFixed());
    parentPort!.postMessage({
      id: job.id,
      kind: 'done',
      report: {
        initialBalance: s(report.initialBalance), finalBalance: s(report.finalBalance), totalReturn: s(report.totalReturn), totalReturnPercent: s(report.totalReturnPercent),
        cagrPercent: report.cagrPercent, maxDrawdownPercent: report.maxDrawdownPercent, sharpeRatio: report.sharpeRatio, sortinoRatio: report.sortinoRatio,
        calmarRatio: report.calmarRatio, winRate: report.winRate, profitFactor: report.profitFactor, expectancy: s(report.expectancy), totalTrades: report.totalTrades,
        winningTrades: report.winningTrades, losingTrades: report.losingTrades, bestTrade: s(report.bestTrade), worstTrade: s(report.worstTrade), avgTrade: s(report.avgTrade),
        maxConsecutiveWins: report.maxConsecutiveWins, maxConsecutiveLosses: report.maxConsecutiveLosses,
        trades: report.trades.slice(0, 500).map((t) => ({ ...t, entryPrice: t.entryPrice.toFixed(), exitPrice: t.exitPrice.toFixed(), quantity: t.quantity.toFixed(), pnl: t.pnl.toFixed(), fees: t.fees.toFixed() })),
        equity: sampleEquityCurve(report.equityCurve, 500),
      },
    });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
