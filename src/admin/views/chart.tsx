/**
 * Daily trade volume (bars, left axis) and realised P&L (line, right axis) as inline SVG built
 * here: no chart library, no script, and it passes a strict CSP. A data table follows it for
 * screen readers and exact figures.
 */
import type { DayFigures } from '../../services/admin-dashboard/get-dashboard.ts';
import { fmtMoney, fmtSigned } from './format.ts';

const W = 760;
const H = 260;
const M = { top: 16, right: 64, bottom: 36, left: 72 };

export function VolumePnlChart({ series }: { series: DayFigures[] }) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const volumes = series.map((d) => d.volume.toNumber());
  const pnls = series.map((d) => d.pnl.toNumber());
  const maxVol = niceCeil(Math.max(1, ...volumes));
  const maxAbsPnl = niceCeil(Math.max(1, ...pnls.map(Math.abs)));
  const step = plotW / Math.max(1, series.length);
  const barW = Math.max(2, step * 0.6);
  const yVol = (v: number) => M.top + plotH - (v / maxVol) * plotH;
  const yPnl = (v: number) => M.top + plotH / 2 - (v / maxAbsPnl) * (plotH / 2);
  const x = (i: number) => M.left + step * i + step / 2;
  const line = pnls.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${yPnl(v).toFixed(1)}`).join(' ');
  const labelEvery = Math.ceil(series.length / 7);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" width="100%">
        <title id="chart-title">Daily trade volume and P&amp;L</title>
        <desc id="chart-desc">
          {`Bars show volume per day (left axis, up to ${fmtMoney(maxVol, 0)}); the line shows realised P&L (right axis, ±${fmtMoney(maxAbsPnl, 0)}).`}
        </desc>
        {ticks.map((t) => (
          <g>
            <line x1={M.left} x2={W - M.right} y1={M.top + plotH * (1 - t)} y2={M.top + plotH * (1 - t)} class="grid" />
            <text x={M.left - 6} y={M.top + plotH * (1 - t) + 4} text-anchor="end" class="axis">
              {compact(maxVol * t)}
            </text>
            <text x={W - M.right + 6} y={M.top + plotH * (1 - t) + 4} class="axis">
              {compact(maxAbsPnl * (2 * t - 1))}
            </text>
          </g>
        ))}
        {series.map((d, i) => (
          <rect x={x(i) - barW / 2} y={yVol(volumes[i])} width={barW} height={Math.max(0, M.top + plotH - yVol(volumes[i]))} class="bar">
            <title>{`${d.day}: volume ${fmtMoney(d.volume)}, P&L ${fmtSigned(d.pnl)}, ${d.trades} trades`}</title>
          </rect>
        ))}
        <line x1={M.left} x2={W - M.right} y1={yPnl(0)} y2={yPnl(0)} class="zero" />
        <path d={line} class="pnl" fill="none" />
        {pnls.map((v, i) => (
          <circle cx={x(i)} cy={yPnl(v)} r="3" class={v < 0 ? 'dot loss' : 'dot'} />
        ))}
        {series.map((d, i) =>
          i % labelEvery === 0 ? (
            <text x={x(i)} y={H - M.bottom + 16} text-anchor="middle" class="axis">
              {d.day.slice(5)}
            </text>
          ) : null,
        )}
        <text x={M.left} y={H - 4} class="legend">▮ volume (left)</text>
        <text x={M.left + 140} y={H - 4} class="legend pnl-legend">● P&amp;L (right)</text>
      </svg>
      <details>
        <summary>Figures by day</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Trades</th>
              <th scope="col">Volume</th>
              <th scope="col">P&amp;L</th>
            </tr>
          </thead>
          <tbody>
            {series.map((d) => (
              <tr>
                <td>{d.day}</td>
                <td class="num">{d.trades}</td>
                <td class="num">{fmtMoney(d.volume)}</td>
                <td class="num">{fmtSigned(d.pnl)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function niceCeil(v: number): number {
  const exp = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * exp) return m * exp;
  return 10 * exp;
}

function compact(v: number): string {
  const a = Math.abs(v);
  const s = a >= 1e9 ? `${(a / 1e9).toFixed(1)}B` : a >= 1e6 ? `${(a / 1e6).toFixed(1)}M` : a >= 1e3 ? `${(a / 1e3).toFixed(1)}k` : a.toFixed(0);
  return `${v < 0 ? '−' : ''}${s.replace('.0', '')}`;
}
