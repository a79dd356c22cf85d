/**
 * ECharts option → PNG, server-side and with npm packages only: ECharts renders SVG in SSR
 * mode, resvg rasterizes it with the DejaVu Sans font shipped by `dejavu-fonts-ttf`, so text
 * renders on machines without system fonts. The chart is disposed every time, or its timers
 * keep the process alive. Pure rendering: data in, bytes out.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';

export const CHART_FONT_FAMILY = 'DejaVu Sans';
const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join(FONT_DIR, f));

export interface ChartSize { width: number; height: number }

export async function renderChartSvg(option: EChartsOption, size: ChartSize): Promise<string> {
  // Imported on first use: ECharts is large and most processes never draw a chart.
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, backgroundColor: '#ffffff', ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export async function renderChartPng(option: EChartsOption, size: ChartSize = { width: 960, height: 540 }): Promise<Uint8Array> {
  const svg = await renderChartSvg(option, size);
  const png = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: '#ffffff',
    fitTo: { mode: 'width', value: size.width },
  }).render().asPng();
  return new Uint8Array(png);
}
