import type { ScoringConfig } from './config.ts';
import { round } from '../common/market.ts';

/** Indicator values at the last closed candle. */
export interface IndicatorSnapshot {
  close: number;
  rsi: number;
  macd: number;
  macdSignal: number;
  macdHistogram: number;
  previousHistogram: number | null;
  bbUpper: number;
  bbMiddle: number;
  bbLower: number;
  emaFast: number;
  emaSlow: number;
  adx: number;
}

export interface Score {
  signal: 'BUY' | 'SELL' | 'HOLD';
  /** Composite in [−1, 1]: positive favours buying. */
  composite: number;
  confidence: number;
  parts: { rsi: number; macd: number; bollinger: number; trend: number };
  reason: string;
}

const clamp = (x: number) => Math.max(-1, Math.min(1, x));

/**
 * Each indicator votes in [−1, 1]; the composite is their weighted mean.
 * - RSI: +1 at the oversold level or below, −1 at overbought or above, linear between (0 at the midpoint).
 * - MACD: histogram above 0 votes +0.5, +1 on the bar it crossed above 0; mirrored below.
 * - Bollinger: +1 at or below the lower band, −1 at or above the upper band, linear in %B between.
 * - Trend: +1 when the fast EMA is above the slow one, −1 below; halved while ADX is under adxTrend (no trend).
 * BUY when the composite ≥ buyThreshold, SELL when ≤ −sellThreshold; confidence = |composite| × 100.
 */
export function scoreIndicators(v: IndicatorSnapshot, c: ScoringConfig): Score {
  return scoreInto(v, c, { signal: 'HOLD', composite: 0, confidence: 0, parts: { rsi: 0, macd: 0, bollinger: 0, trend: 0 }, reason: '' });
}

/** scoreIndicators writing into `out` (the engine reuses one per call: no garbage on every candle). */
export function scoreInto(v: IndicatorSnapshot, c: ScoringConfig, out: Score): Score {
  const mid = (c.rsiOversold + c.rsiOverbought) / 2;
  const rsi = clamp(v.rsi <= mid ? (mid - v.rsi) / (mid - c.rsiOversold) : -(v.rsi - mid) / (c.rsiOverbought - mid));
  const crossedUp = v.previousHistogram !== null && v.previousHistogram <= 0 && v.macdHistogram > 0;
  const crossedDown = v.previousHistogram !== null && v.previousHistogram >= 0 && v.macdHistogram < 0;
  const macd = v.macdHistogram > 0 ? (crossedUp ? 1 : 0.5) : v.macdHistogram < 0 ? (crossedDown ? -1 : -0.5) : 0;
  const width = v.bbUpper - v.bbLower;
  const percentB = width > 0 ? (v.close - v.bbLower) / width : 0.5;
  const bollinger = clamp(1 - 2 * percentB);
  const trending = v.adx >= c.adxTrend;
  const trend = (v.emaFast > v.emaSlow ? 1 : v.emaFast < v.emaSlow ? -1 : 0) * (trending ? 1 : 0.5);
  const w = c.weights;
  const composite = (w.rsi * rsi + w.macd * macd + w.bollinger * bollinger + w.trend * trend) / (w.rsi + w.macd + w.bollinger + w.trend);
  const signal = composite >= c.buyThreshold ? 'BUY' : composite <= -c.sellThreshold ? 'SELL' : 'HOLD';
  const confidence = Math.round(Math.abs(composite) * 100);
  out.signal = signal;
  out.composite = composite;
  out.confidence = confidence;
  out.parts.rsi = rsi;
  out.parts.macd = macd;
  out.parts.bollinger = bollinger;
  out.parts.trend = trend;
  out.reason = signal === 'HOLD' ? holdReason(composite, c) : explain(signal, confidence, v, c, { percentB, crossedUp, crossedDown, trending });
  return out;
}

// The HOLD reason, built once per config and rounded score: a HOLD is the common case on every
// candle, and printing a float costs more than the rest of the scoring (round(x, 2) of a
// composite in [−1, 1] takes at most 201 values, each keyed by Math.round(x × 100)).
const holdReasons = new WeakMap<object, Map<number, string>>();

function holdReason(composite: number, c: ScoringConfig): string {
  let reasons = holdReasons.get(c);
  if (reasons === undefined) holdReasons.set(c, (reasons = new Map()));
  const key = Math.round(composite * 100);
  let reason = reasons.get(key);
  if (reason === undefined) {
    reason = 'HOLD: composite score ' + round(composite, 2) + ` is between −${c.sellThreshold} and ${c.buyThreshold}`;
    if (reasons.size < 1000) reasons.set(key, reason);
  }
  return reason;
}

function explain(signal: 'BUY' | 'SELL', confidence: number, v: IndicatorSnapshot, c: ScoringConfig, f: { percentB: number; crossedUp: boolean; crossedDown: boolean; trending: boolean }): string {
  const notes: string[] = [];
  if (v.rsi <= c.rsiOversold) notes.push(`RSI ${round(v.rsi, 1)} is oversold`);
  else if (v.rsi >= c.rsiOverbought) notes.push(`RSI ${round(v.rsi, 1)} is overbought`);
  else notes.push(`RSI ${round(v.rsi, 1)}`);
  if (f.crossedUp) notes.push('MACD histogram turned positive');
  else if (f.crossedDown) notes.push('MACD histogram turned negative');
  else notes.push(`MACD histogram ${v.macdHistogram > 0 ? 'positive' : 'negative'}`);
  if (f.percentB < 0) notes.push('price below the lower Bollinger band');
  else if (f.percentB > 1) notes.push('price above the upper Bollinger band');
  notes.push(`EMA ${c.emaFast} ${v.emaFast > v.emaSlow ? 'above' : 'below'} EMA ${c.emaSlow} (ADX ${round(v.adx, 1)}${f.trending ? ', trending' : ', weak trend'})`);
  return `${signal} (confidence ${confidence}): ${notes.join('; ')}`;
}
