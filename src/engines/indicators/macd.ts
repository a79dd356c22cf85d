import { assertPeriod, nanArray } from './common.ts';
import { computeEmaRaw, createEma, stepEma, type EmaSeed, type EmaState } from './ema.ts';

/**
 * MACD = EMA(fast) − EMA(slow); signal = EMA(signal) of MACD; histogram = MACD − signal.
 * With the default 'first' seeding (trading-signals) MACD is reported from the slow period on and
 * the signal line starts from the first MACD value. With 'sma' seeding (TA-Lib style) each EMA
 * is seeded by its SMA and the signal appears after `signal` MACD values.
 */
export interface MacdValue {
  macd: number;
  signal: number;
  histogram: number;
}

export interface MacdState {
  fast: EmaState;
  slow: EmaState;
  signal: EmaState;
  slowPeriod: number;
  seedMode: EmaSeed;
  count: number;
  macd: number | null;
  signalValue: number | null;
}

export interface MacdOptions {
  fast?: number;
  slow?: number;
  signal?: number;
  seed?: EmaSeed;
  /** Explicit smoothing factors instead of 2 / (period + 1) (Tulip's book constants for 12/26: 0.15, 0.075). */
  fastK?: number;
  slowK?: number;
}

export function createMacd({ fast = 12, slow = 26, signal = 9, seed = 'first', fastK, slowK }: MacdOptions = {}): MacdState {
  assertPeriod('MACD fast', fast);
  assertPeriod('MACD slow', slow);
  assertPeriod('MACD signal', signal);
  return {
    fast: createEma(fast, seed, fastK),
    slow: createEma(slow, seed, slowK),
    signal: createEma(signal, seed),
    slowPeriod: slow,
    seedMode: seed,
    count: 0,
    macd: null,
    signalValue: null,
  };
}

/** Advances the state; returns true once MACD and signal are both available. */
export function stepMacd(s: MacdState, price: number, replace: boolean): boolean {
  if (!replace || s.count === 0) s.count++;
  const fast = stepEma(s.fast, price, replace);
  const slow = stepEma(s.slow, price, replace);
  if (s.count < s.slowPeriod || fast === null || slow === null) return false;
  // The signal EMA sees its first input at the slow period; a replace before then is an add.
  const firstMacd = s.count === s.slowPeriod && s.signal.count === 0;
  s.macd = fast - slow;
  s.signalValue = stepEma(s.signal, s.macd, replace && !firstMacd);
  return s.signalValue !== null;
}

export function updateMacd(s: MacdState, price: number, replace = false): MacdValue | null {
  if (!stepMacd(s, price, replace)) return null;
  const macd = s.macd as number;
  const signal = s.signalValue as number;
  return { macd, signal, histogram: macd - signal };
}

export interface MacdSeries {
  macd: Float64Array;
  signal: Float64Array;
  histogram: Float64Array;
}

/** Batch kernel: three raw EMA loops (the streaming arithmetic), the signal fed from the slow period on. */
export function computeMacd(values: ArrayLike<number>, options: MacdOptions = {}): MacdSeries {
  const s = createMacd(options); // validates and resolves the defaults
  const n = values.length;
  const seed = s.seedMode;
  const fast = computeEmaRaw(values, 0, s.fast.period, seed, s.fast.k);
  const slow = computeEmaRaw(values, 0, s.slow.period, seed, s.slow.k);
  const out = { macd: nanArray(n), signal: nanArray(n), histogram: nanArray(n) };
  const from = s.slowPeriod - 1;
  for (let i = from; i < n; i++) out.macd[i] = fast[i] - slow[i];
  if (from >= n) return out;
  const signal = computeEmaRaw(out.macd, from, s.signal.period, seed, s.signal.k);
  for (let i = from; i < n; i++) {
    if (Number.isNaN(signal[i])) continue;
    out.signal[i] = signal[i];
    out.histogram[i] = out.macd[i] - signal[i];
  }
  return out;
}
