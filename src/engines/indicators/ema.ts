import { assertPeriod, nanArray } from './common.ts';

/**
 * Exponential moving average, k = 2 / (period + 1).
 *
 * Seeding conventions differ between libraries, so both are offered:
 * - 'first' (default; trading-signals, Tulip): the first input is the initial average; values
 *   are reported from the period-th input on.
 * - 'sma' (TA-Lib, backtrader, jesse, technicalindicators): the first value is the SMA of the
 *   first `period` inputs.
 * `k` may be given explicitly for the book constants some libraries hard-code (Tulip's MACD
 * uses 0.15 and 0.075 for 12 and 26 periods, from Achelis' "Technical Analysis from A to Z").
 */
export type EmaSeed = 'first' | 'sma';

export interface EmaState {
  period: number;
  k: number;
  seedMode: EmaSeed;
  count: number;
  /** Inputs used for the SMA seed ('sma' mode only). */
  seed: number[];
  value: number | null;
  previous: number | null;
}

export function createEma(period: number, seed: EmaSeed = 'first', k = 2 / (period + 1)): EmaState {
  assertPeriod('EMA', period);
  if (!(k > 0 && k <= 1)) throw new RangeError(`EMA: smoothing factor k must be in (0, 1] (got ${k})`);
  return { period, k, seedMode: seed, count: 0, seed: [], value: null, previous: null };
}

/** Advances the average and returns its raw value even before the period is reached (MACD needs that). */
export function stepEma(s: EmaState, x: number, replace: boolean): number | null {
  const isAdd = !replace || s.count === 0;
  if (isAdd) s.count++;
  if (s.seedMode === 'sma' && s.count <= s.period) {
    if (isAdd) s.seed.push(x);
    else s.seed[s.count - 1] = x;
    if (s.count < s.period) return null;
    let sum = 0;
    for (const v of s.seed) sum += v;
    s.previous = null;
    s.value = sum / s.period;
    return s.value;
  }
  if (isAdd) s.previous = s.value;
  const prev = s.previous ?? x;
  s.value = x * s.k + prev * (1 - s.k);
  return s.value;
}

export function updateEma(s: EmaState, x: number, replace = false): number | null {
  const v = stepEma(s, x, replace);
  return s.count >= s.period ? v : null;
}

export function computeEma(values: ArrayLike<number>, period: number, seed: EmaSeed = 'first', k = 2 / (period + 1)): Float64Array {
  createEma(period, seed, k); // validates
  const raw = computeEmaRaw(values, 0, period, seed, k);
  // Reported from the period-th input on, as updateEma does.
  for (let i = 0; i < period - 1 && i < raw.length; i++) raw[i] = Number.NaN;
  return raw;
}

/**
 * Batch kernel: stepEma's arithmetic as a plain loop over values[start…] — the raw average from
 * the first input ('first') or from the SMA seed ('sma'); NaN before that. Bit-identical to the
 * streaming form (tested).
 */
export function computeEmaRaw(values: ArrayLike<number>, start: number, period: number, seed: EmaSeed, k: number): Float64Array {
  const n = values.length;
  const out = nanArray(n);
  let prev = Number.NaN;
  let i = start;
  if (seed === 'sma') {
    if (start + period > n) return out;
    let sum = 0;
    for (; i < start + period; i++) sum += values[i];
    prev = sum / period;
    out[i - 1] = prev;
  }
  for (; i < n; i++) {
    const x = values[i];
    prev = x * k + (Number.isNaN(prev) ? x : prev) * (1 - k);
    out[i] = prev;
  }
  return out;
}
