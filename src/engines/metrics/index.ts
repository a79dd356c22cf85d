/** Performance and risk metrics from trades and an equity curve (docs/backtest-metrics.md, docs/performance-rating.md). */
export * from './returns.ts';
export * from './ratios.ts';
export * from './trade-stats.ts';
export * from './performance.ts';
