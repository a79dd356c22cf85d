/**
 * Candlesticks with indicator overlays (/chart): the caller computes the indicators (engines)
 * and passes their values aligned with the candles; null leaves a gap (warm-up periods).
 */
import type { EChartsOption } from 'echarts';
import { renderChartPng, type ChartSize } from './render-png.ts';

export interface ChartCandle { time: number | Date; open: number; high: number; low: number; close: number; volume?: number }
export interface Overlay { name: string; values: (number | null)[]; color?: string; dashed?: boolean }
export interface Marker { time: number | Date; price: number; side: 'buy' | 'sell' }

export interface CandleChartInput {
  title: string;
  candles: ChartCandle[];
  overlays?: Overlay[];
  markers?: Marker[];
  showVolume?: boolean;
}

const PALETTE = ['#f0883e', '#a371f7', '#3fb950', '#db61a2', '#2f81f7'];

export function candleChartOption(input: CandleChartInput): EChartsOption {
  const times = input.candles.map((c) => new Date(c.time).toISOString().slice(0, 16).replace('T', ' '));
  const withVolume = Boolean(input.showVolume && input.candles.some((c) => c.volume !== undefined));
  const grids = withVolume ? [{ left: 64, right: 24, top: 56, height: '58%' }, { left: 64, right: 24, top: '78%', height: '14%' }] : [{ left: 64, right: 24, top: 56, bottom: 40 }];
  return {
    title: { text: input.title, left: 16, top: 12, textStyle: { fontSize: 18 } },
    legend: input.overlays?.length ? { top: 14, right: 24, data: input.overlays.map((o) => o.name) } : undefined,
    grid: grids,
    xAxis: grids.map((_, i) => ({ type: 'category' as const, data: times, gridIndex: i, axisLabel: { show: i === grids.length - 1 }, boundaryGap: true })),
    yAxis: grids.map((_, i) => ({ type: 'value' as const, scale: true, gridIndex: i, splitNumber: i ? 2 : 5 })),
    series: [
      {
        name: 'Price',
        type: 'candlestick',
        data: input.candles.map((c) => [c.open, c.close, c.low, c.high]),
        itemStyle: { color: '#3fb950', color0: '#f85149', borderColor: '#3fb950', borderColor0: '#f85149' },
        markPoint: input.markers?.length
          ? {
              data: input.markers.map((m) => ({
                coord: [new Date(m.time).toISOString().slice(0, 16).replace('T', ' '), m.price],
                name: m.side,
                value: m.side === 'buy' ? 'B' : 'S',
                itemStyle: { color: m.side === 'buy' ? '#3fb950' : '#f85149' },
              })),
            }
          : undefined,
      },
      ...(input.overlays ?? []).map((o, i) => ({
        name: o.name,
        type: 'line' as const,
        data: o.values,
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 1.5, color: o.color ?? PALETTE[i % PALETTE.length], type: o.dashed ? ('dashed' as const) : ('solid' as const) },
      })),
      ...(withVolume ? [{ name: 'Volume', type: 'bar' as const, xAxisIndex: 1, yAxisIndex: 1, data: input.candles.map((c) => c.volume ?? 0), itemStyle: { color: '#8b949e' } }] : []),
    ],
  };
}

export function renderCandleChart(input: CandleChartInput, size?: ChartSize): Promise<Uint8Array> {
  return renderChartPng(candleChartOption(input), size);
}
