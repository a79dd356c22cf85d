import { assertPeriod, createWindow, isWindowFull, pushWindow, type WindowState } from './common.ts';

/**
 * Simple moving average over a compensated (Kahan) running sum: O(1) per candle. A fresh sum of
 * the window per candle (trading-signals' way) measured 70 ms for SMA(30) over 1,000,000 candles
 * here, a third of the SMA-cross benchmark's whole budget; the running sum takes a few ms and
 * stays within ~1e-15 of it (tests hold it to trading-signals at 1e-9). Streaming and batch run
 * the same operations in the same order, so they agree bit for bit when started on the same
 * candle. Inputs must be finite: a NaN would stay in the sum.
 */
export interface SmaState extends WindowState {
  sum: number;
  compensation: number;
}

export function createSma(period: number): SmaState {
  assertPeriod('SMA', period);
  return { ...createWindow(period), sum: 0, compensation: 0 };
}

/** Kahan summation step: adds x to the state's sum, carrying the rounding error forward. */
function addCompensated(s: { sum: number; compensation: number }, x: number): void {
  const y = x - s.compensation;
  const t = s.sum + y;
  s.compensation = t - s.sum - y;
  s.sum = t;
}

export function updateSma(s: SmaState, value: number, replace = false): number | null {
  if (replace && s.count > 0) {
    const last = s.next === 0 ? s.ring.length - 1 : s.next - 1;
    const old = s.ring[last];
    pushWindow(s, value, true);
    addCompensated(s, value);
    addCompensated(s, -old);
  } else {
    const dropped = isWindowFull(s) ? s.ring[s.next] : null;
    pushWindow(s, value, false);
    addCompensated(s, value);
    if (dropped !== null) addCompensated(s, -dropped);
  }
  return isWindowFull(s) ? (s.sum - s.compensation) / s.size : null;
}

export function computeSma(values: ArrayLike<number>, period: number): Float64Array {
  assertPeriod('SMA', period);
  const n = values.length;
  // Every bar from period − 1 on is written below: only the warm-up needs its NaN.
  const out = new Float64Array(n);
  out.fill(Number.NaN, 0, Math.min(n, period - 1));
  let sum = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    // The same compensated steps as updateSma, inlined.
    let y = values[i] - c;
    let t = sum + y;
    c = t - sum - y;
    sum = t;
    if (i >= period) {
      y = -values[i - period] - c;
      t = sum + y;
      c = t - sum - y;
      sum = t;
    }
    if (i >= period - 1) out[i] = (sum - c) / period;
  }
  return out;
}
