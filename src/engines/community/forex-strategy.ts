/**
 * PromoStack's channel strategy on forex_config thresholds (pure). 'rsi_adx': when the trend
 * is strong enough (ADX ≥ adxMin), a close that takes RSI back out of an extreme is a signal:
 * RSI rising through `oversold` is a BUY, falling through `overbought` a SELL. The stop sits
 * slMultiplier × ATR from the entry (the last close); TP1..TP3 at 1, 2 and 3 × tpMultiplier ×
 * ATR on the other side. Indicators come from `trading-signals` (float math is fine here:
 * the prices that leave are rounded to the symbol's precision as Decimal).
 */
import { ADX, ATR, RSI } from 'trading-signals';
import { Decimal } from '../../shared/money.ts';
import type { Candle } from '../types.ts';

export interface ForexStrategyParams {
  strategy: 'rsi_adx';
  rsiPeriod: number;
  rsiOversold: number;
  rsiOverbought: number;
  adxPeriod: number;
  adxMin: number;
  atrPeriod: number;
  slMultiplier: number;
  tpMultiplier: number;
  /** Decimal places of the prices written in the signal. */
  pricePlaces: number;
}

export interface ForexStrategySignal {
  direction: 'BUY' | 'SELL';
  entry: Decimal;
  stopLoss: Decimal;
  targets: Decimal[];
  barTime: number; // open time of the bar the decision was taken on
  indicators: { strategy: string; rsi: number; previousRsi: number; adx: number; atr: number };
}

export function warmupBars(p: ForexStrategyParams): number {
  return Math.max(p.rsiPeriod + 2, p.adxPeriod * 2 + 2, p.atrPeriod + 2) + 10;
}

/** Decide on the last candle of `candles` (all closed, oldest first); null when there is no signal. */
export function decideForexSignal(candles: Candle[], p: ForexStrategyParams): ForexStrategySignal | null {
  if (candles.length < warmupBars(p)) return null;
  const rsi = new RSI(p.rsiPeriod);
  const adx = new ADX(p.adxPeriod);
  const atr = new ATR(p.atrPeriod);
  let previousRsi: number | null = null;
  let lastRsi: number | null = null;
  for (const c of candles) {
    previousRsi = lastRsi;
    lastRsi = rsi.update(c.close, false) ?? null;
    adx.update({ high: c.high, low: c.low, close: c.close }, false);
    atr.update({ high: c.high, low: c.low, close: c.close }, false);
  }
  const adxValue = adx.getResult();
  const atrValue = atr.getResult();
  if (previousRsi === null || lastRsi === null || adxValue == null || atrValue == null || atrValue <= 0) return null;
  if (adxValue < p.adxMin) return null;
  const buy = previousRsi < p.rsiOversold && lastRsi >= p.rsiOversold;
  const sell = previousRsi > p.rsiOverbought && lastRsi <= p.rsiOverbought;
  if (!buy && !sell) return null;
  const last = candles[candles.length - 1];
  const sign = buy ? 1 : -1;
  const round = (x: number) => new Decimal(x.toFixed(p.pricePlaces));
  const entry = round(last.close);
  const stopLoss = round(last.close - sign * p.slMultiplier * atrValue);
  const targets = [1, 2, 3].map((k) => round(last.close + sign * k * p.tpMultiplier * atrValue));
  // Too little volatility for the price precision: the levels would collapse onto the entry.
  if (stopLoss.eq(entry) || targets.some((t, i) => t.eq(i === 0 ? entry : targets[i - 1]))) return null;
  return {
    direction: buy ? 'BUY' : 'SELL',
    entry,
    stopLoss,
    targets,
    barTime: last.time,
    indicators: { strategy: p.strategy, rsi: lastRsi, previousRsi, adx: adxValue, atr: atrValue },
  };
}
