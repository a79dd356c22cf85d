import { assertPeriod, nanArray } from './common.ts';
import { createWilder, updateWilder, type WilderState } from './wilder.ts';

/**
 * Relative strength index with Wilder smoothing (trading-signals' RSI): average gain and loss are
 * Wilder-smoothed, the first after `period` price changes, so the first value needs period + 1
 * prices. An average loss of exactly 0 gives 100 (trading-signals' division guard).
 */
export interface RsiState {
  period: number;
  count: number;
  /** The latest price and the one before it (replace() measures the change from `base`). */
  last: number;
  base: number;
  gain: WilderState;
  loss: WilderState;
}

export function createRsi(period: number): RsiState {
  assertPeriod('RSI', period);
  return { period, count: 0, last: 0, base: 0, gain: createWilder(period), loss: createWilder(period) };
}

export function updateRsi(s: RsiState, price: number, replace = false): number | null {
  const isAdd = !replace || s.count === 0;
  if (isAdd) {
    s.count++;
    s.base = s.last;
  }
  s.last = price;
  if (s.count < 2) return null;
  const change = price - s.base;
  const asReplace = !isAdd;
  if (change > 0) {
    updateWilder(s.loss, 0, asReplace);
    updateWilder(s.gain, change, asReplace);
  } else {
    updateWilder(s.loss, -change, asReplace);
    updateWilder(s.gain, 0, asReplace);
  }
  const avgGain = s.gain.value;
  const avgLoss = s.loss.value;
  if (avgGain === null || avgLoss === null) return null;
  if (avgLoss === 0) return 100;
  return 100 - 100 / (avgGain / avgLoss + 1);
}

export function computeRsi(values: ArrayLike<number>, period: number): Float64Array {
  const s = createRsi(period);
  const out = nanArray(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = updateRsi(s, values[i]);
    if (v !== null) out[i] = v;
  }
  return out;
}
