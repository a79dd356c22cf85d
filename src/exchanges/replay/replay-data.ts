/**
 * The bundled real candles (data/candles/, see SOURCES.md), loaded once per process.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Candle } from '../../engines/types.ts';

export const CANDLES_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/candles');

export interface ReplaySeries {
  symbol: string; // 'BTC/USDT'
  timeframe: string; // '5m'
  timeframeMs: number;
  candles: Candle[];
}

const cache = new Map<string, ReplaySeries>();

export function timeframeToMs(timeframe: string): number {
  const match = /^(\d+)([mhdw])$/.exec(timeframe);
  if (!match) throw new Error(`unknown timeframe ${timeframe}`);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 'm' | 'h' | 'd' | 'w'];
  return Number(match[1]) * unit;
}

/** Every bundled series, keyed 'BTC/USDT@5m'. */
export function loadReplaySeries(folder = CANDLES_FOLDER): Map<string, ReplaySeries> {
  if (cache.size > 0 && folder === CANDLES_FOLDER) return cache;
  const out = folder === CANDLES_FOLDER ? cache : new Map<string, ReplaySeries>();
  if (!existsSync(folder)) return out;
  for (const file of readdirSync(folder)) {
    const match = /^([A-Z0-9]+)_([A-Z0-9]+)-(\d+[mhdw])\.json$/.exec(file);
    if (!match) continue;
    const rows = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as number[][];
    const candles = rows.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));
    const symbol = `${match[1]}/${match[2]}`;
    out.set(`${symbol}@${match[3]}`, { symbol, timeframe: match[3], timeframeMs: timeframeToMs(match[3]), candles });
  }
  return out;
}
