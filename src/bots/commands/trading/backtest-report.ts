/** How a backtest outcome reads in a chat (the /backtest report and the /newbot preview), and its equity chart. */
import type { BacktestOutcome } from '../../../services/backtests/run-backtest.ts';
import { renderEquityChart } from '../../../services/charts/equity-chart.ts';
import { bold, italic } from '../../core/reply.ts';
import { amount, percent, ratio, signed, typeLabel } from './format.ts';

const SOURCES: Record<BacktestOutcome['source'], string> = {
  exchange: 'exchange history',
  cache: 'exchange history (cached)',
  replay: 'bundled real candles, replayed offline',
};

export function backtestLines(out: BacktestOutcome, quote: string): string[] {
  const s = out.summary;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return [
    `${typeLabel(s.type)} on ${s.symbol} ${s.timeframe}, ${day(out.dataFrom)} → ${day(out.dataTo)} ${italic(`(${out.candles} candles, ${SOURCES[out.source]})`)}`,
    `Return ${bold(percent(s.totalReturnPercent))}: ${amount(s.initialBalance)} → ${amount(s.finalBalance)} ${quote}`,
    `Max drawdown ${ratio(s.maxDrawdownPercent)} % · Sharpe ${ratio(s.sharpeRatio)} · Sortino ${ratio(s.sortinoRatio)}`,
    `Trades ${s.totalTrades} · win rate ${s.winRate === null ? '–' : `${ratio(s.winRate, 1)} %`} · profit factor ${ratio(s.profitFactor)} · expectancy ${signed(s.expectancy)}`,
    ...(s.totalTrades ? [`Best ${signed(s.bestTrade)} · worst ${signed(s.worstTrade)} ${quote}`] : []),
  ];
}

export async function equityImage(out: BacktestOutcome, title: string, quote: string, filename = 'equity.png'): Promise<{ png: Uint8Array; filename: string }> {
  const png = await renderEquityChart({ title, points: out.equity, showPeak: true, currency: quote }, { width: 800, height: 420 });
  return { png, filename };
}
