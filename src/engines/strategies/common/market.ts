import type { Candle, Decision, Fill } from '../../types.ts';

/**
 * Index of the first candle the engine has not seen yet. Engines keep indicator state and the
 * time of the last candle they consumed, so each decision costs O(new candles) however long
 * the window the runner passes.
 */
export function firstUnseen(candles: readonly Candle[], lastTime: number | null): number {
  let start = candles.length;
  while (start > 0 && (lastTime === null || candles[start - 1].time > lastTime)) start--;
  return start;
}

export function fillsByTag(fills: readonly Fill[]): Map<string, Fill[]> {
  const map = new Map<string, Fill[]>();
  for (const f of fills) {
    const list = map.get(f.tag);
    if (list) list.push(f);
    else map.set(f.tag, [f]);
  }
  return map;
}

export function holdDecision(price: number, reason: string, indicators: Decision['indicators'] = {}): Decision {
  return { signal: 'HOLD', confidence: 0, reason, price, indicators };
}

const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Rounds a float for display in a reason or an indicator value (not for money). */
export function round(value: number, digits = 4): number {
  // 10 ** digits from a table (the same exact powers): it is called several times per candle.
  const f = digits >= 0 && digits < 16 && digits === Math.floor(digits) ? POWERS[digits] : 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * round(value, 4) and round(value, 8) with the power as a literal (the same double, so the same
 * result). The ai engine rounds six indicator values per candle; with the digits check and table
 * lookup of round() that was ~10 % of its backtest profile (bench/one.ts ai).
 */
export const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
export const round8 = (value: number): number => Math.round(value * 100_000_000) / 100_000_000;
