import { describe, expect, it } from 'vitest';
import { renderCandleChart } from '../../../src/services/charts/candle-chart.ts';
import { renderEquityChart } from '../../../src/services/charts/equity-chart.ts';
import { renderChartSvg } from '../../../src/services/charts/render-png.ts';
import { candleChartOption } from '../../../src/services/charts/candle-chart.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const hour = 3600_000;
const start = Date.UTC(2026, 0, 1);
const candles = Array.from({ length: 60 }, (_, i) => {
  const open = 100 + Math.sin(i / 5) * 5 + i * 0.2;
  const close = open + Math.cos(i / 3) * 2;
  return { time: start + i * hour, open, close, high: Math.max(open, close) + 1, low: Math.min(open, close) - 1, volume: 1000 + i * 10 };
});
const sma = (n: number) => candles.map((_, i) => (i + 1 < n ? null : candles.slice(i + 1 - n, i + 1).reduce((s, c) => s + c.close, 0) / n));

describe('server-side charts', () => {
  it('renders an equity curve to a valid PNG of the asked size', async () => {
    const png = await renderEquityChart({ title: 'Backtest BTC/USDT 30d', currency: 'USDT', showPeak: true, points: candles.map((c, i) => ({ time: c.time, equity: 10_000 + i * 12 - (i % 7) * 30 })) }, { width: 800, height: 450 });
    expect(pngSize(png)).toEqual({ width: 800, height: 450 });
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('renders candlesticks with indicator overlays, volume and trade markers', async () => {
    const input = { title: 'BTC/USDT 1h', candles, showVolume: true, overlays: [{ name: 'SMA 10', values: sma(10) }, { name: 'SMA 30', values: sma(30), dashed: true }], markers: [{ time: candles[20].time, price: candles[20].low, side: 'buy' as const }] };
    const png = await renderCandleChart(input);
    expect(pngSize(png)).toEqual({ width: 960, height: 540 });
    const svg = await renderChartSvg(candleChartOption(input), { width: 960, height: 540 });
    expect(svg).toContain('SMA 10');
    expect(svg).toContain('DejaVu Sans');
  });
});
