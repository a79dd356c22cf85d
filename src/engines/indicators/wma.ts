import { assertPeriod, createWindow, isWindowFull, nanArray, pushWindow, type WindowState } from './common.ts';

/** Linearly weighted moving average: weights 1..period, newest heaviest (trading-signals' order of operations). */
export type WmaState = WindowState;

export function createWma(period: number): WmaState {
  assertPeriod('WMA', period);
  return createWindow(period);
}

export function updateWma(s: WmaState, value: number, replace = false): number | null {
  pushWindow(s, value, replace);
  if (!isWindowFull(s)) return null;
  let acc = 0;
  for (let j = 0; j < s.size; j++) {
    let k = s.next + j;
    if (k >= s.size) k -= s.size;
    acc += s.ring[k] * (j + 1);
  }
  return acc / ((s.size * (s.size + 1)) / 2);
}

export function computeWma(values: ArrayLike<number>, period: number): Float64Array {
  assertPeriod('WMA', period);
  const n = values.length;
  const out = nanArray(n);
  const base = (period * (period + 1)) / 2;
  for (let i = period - 1; i < n; i++) {
    let acc = 0;
    const from = i - period + 1;
    for (let j = 0; j < period; j++) acc += values[from + j] * (j + 1);
    out[i] = acc / base;
  }
  return out;
}
