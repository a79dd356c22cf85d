/**
 * The strategy builder (seed 001): a versionable JSON config of indicator components compiles to
 * a StrategyEngine (createBuilderEngine) and, for backtests, to batch rules (compileRules +
 * computeSlotArrays) that the backtester's fast path runs with identical results.
 */
export * from './catalogue.ts';
export * from './schema.ts';
export * from './rules.ts';
export * from './policy.ts';
export * from './compile.ts';
export * from './engine.ts';
