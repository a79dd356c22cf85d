import type { Candle } from '../../types.ts';

export interface PumpThresholds {
  windowCandles: number;
  priceChangePercent: number;
  volumeChangePercent: number;
}

export interface PumpReading {
  priceChange: number;
  volumeChange: number | null;
  detected: boolean;
  confidence: 'high' | 'medium' | 'low' | null;
}

/**
 * Price change over the last `windowCandles` candles (close now vs close w candles ago) and
 * volume change (volume of the last w candles vs the w before). A pump needs both at or above
 * their thresholds; confidence is high when both are at least twice their threshold, medium when
 * one is, low otherwise. No volume in the earlier window means the change cannot be measured.
 */
export function readPump(candles: readonly Candle[], t: PumpThresholds): PumpReading | null {
  const w = t.windowCandles;
  const n = candles.length;
  if (n < 2 * w + 1) return null;
  const now = candles[n - 1].close;
  const then = candles[n - 1 - w].close;
  const priceChange = then > 0 ? (now / then - 1) * 100 : 0;
  let recent = 0;
  let before = 0;
  for (let i = n - w; i < n; i++) recent += candles[i].volume;
  for (let i = n - 2 * w; i < n - w; i++) before += candles[i].volume;
  const volumeChange = before > 0 ? (recent / before - 1) * 100 : null;
  const detected = volumeChange !== null && priceChange >= t.priceChangePercent && volumeChange >= t.volumeChangePercent;
  if (!detected) return { priceChange, volumeChange, detected, confidence: null };
  const strongPrice = priceChange >= 2 * t.priceChangePercent;
  const strongVolume = (volumeChange as number) >= 2 * t.volumeChangePercent;
  return { priceChange, volumeChange, detected, confidence: strongPrice && strongVolume ? 'high' : strongPrice || strongVolume ? 'medium' : 'low' };
}

/** Quote volume of the last 24 hours, or null when the candles do not reach back that far. */
export function quoteVolume24h(candles: readonly Candle[]): number | null {
  const n = candles.length;
  if (n === 0) return null;
  const since = candles[n - 1].time - 86_400_000;
  if (candles[0].time > since) return null;
  let sum = 0;
  for (let i = n - 1; i >= 0 && candles[i].time > since; i--) sum += candles[i].volume * candles[i].close;
  return sum;
}
