/**
 * Technical indicators, each in two forms over the same arithmetic:
 * - streaming: `createX(params)` gives a plain JSON-serializable state; `updateX(state, …, replace?)`
 *   adds a candle (or, with replace = true, replaces the newest one, for a forming candle) and
 *   returns the value or null during warm-up;
 * - batch: `computeX(…)` over arrays (Float64Array), NaN during warm-up.
 * Streaming and batch give bit-identical numbers (tested), so a backtest's fast path and a
 * live engine see the same values.
 */
export * from './sma.ts';
export * from './ema.ts';
export * from './wma.ts';
export * from './wilder.ts';
export * from './rsi.ts';
export * from './macd.ts';
export * from './bollinger.ts';
export * from './atr.ts';
export * from './adx.ts';
export * from './stochastic.ts';
export * from './vwap.ts';
export * from './obv.ts';
export * from './donchian.ts';
export { nanArray } from './common.ts';
