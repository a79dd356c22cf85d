/** An equity curve (backtest report, /profit): equity over time, with its running peak for drawdowns. */
import type { EChartsOption } from 'echarts';
import { renderChartPng, type ChartSize } from './render-png.ts';

export interface EquityPoint { time: number | Date; equity: number }

export interface EquityChartInput {
  title: string;
  points: EquityPoint[];
  currency?: string;
  /** Draw the running peak, so drawdowns read as the gap below it. */
  showPeak?: boolean;
}

export function equityChartOption(input: EquityChartInput): EChartsOption {
  const data = input.points.map((p) => [new Date(p.time).getTime(), p.equity]);
  let peak = -Infinity;
  const peaks = input.points.map((p) => [new Date(p.time).getTime(), (peak = Math.max(peak, p.equity))]);
  return {
    title: { text: input.title, left: 16, top: 12, textStyle: { fontSize: 18 } },
    grid: { left: 72, right: 24, top: 56, bottom: 40 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true, name: input.currency ?? '', axisLabel: { formatter: (v: number) => v.toLocaleString('en-US') } },
    legend: input.showPeak ? { top: 14, right: 24, data: ['Equity', 'Peak'] } : undefined,
    series: [
      { name: 'Equity', type: 'line', showSymbol: false, data, lineStyle: { width: 2, color: '#2f81f7' }, areaStyle: { color: 'rgba(47,129,247,0.08)' } },
      ...(input.showPeak ? [{ name: 'Peak', type: 'line' as const, showSymbol: false, data: peaks, lineStyle: { width: 1, type: 'dashed' as const, color: '#8b949e' } }] : []),
    ],
  };
}

export function renderEquityChart(input: EquityChartInput, size?: ChartSize): Promise<Uint8Array> {
  return renderChartPng(equityChartOption(input), size);
}
