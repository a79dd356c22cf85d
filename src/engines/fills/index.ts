/** Paper fills: the fill simulator used by backtests and the paper exchange (rules: docs/adr/0002-backtest-fill-rules.md). */
export * from './types.ts';
export * from './rounding.ts';
export * from './trigger.ts';
export * from './paper-book.ts';
export * from './fill.ts';
