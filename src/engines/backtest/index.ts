/** The backtester: generic decide()-driven runs, the report, and helpers (formulas: docs/backtest-metrics.md). */
export * from './types.ts';
export * from './candles.ts';
export * from './ledger.ts';
export * from './report.ts';
export * from './finalize.ts';
export * from './run-backtest.ts';
export * from './fast-path.ts';
