/** Hand-made candles and settings for worked examples. */
import { Decimal } from '../../../src/shared/money.ts';
import type { BacktestSettings } from '../../../src/engines/backtest/index.ts';
import type { Candle, Decision, Intent, PairRules, StrategyEngine } from '../../../src/engines/types.ts';

export const MINUTE = 60_000;
export const T0 = Date.UTC(2024, 0, 1);

/** Candles from [open, high, low, close] rows (or one price per candle for flat candles), one minute apart. */
export function candlesFrom(rows: (readonly [number, number, number, number] | number)[], volume = 10): Candle[] {
  return rows.map((r, i) => {
    const [open, high, low, close] = typeof r === 'number' ? [r, r, r, r] : r;
    return { time: T0 + i * MINUTE, open, high, low, close, volume };
  });
}

export function usdtPair(overrides: Partial<PairRules> = {}): PairRules {
  return { symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT', pricePrecision: 2, quantityPrecision: 3, minOrderSize: new Decimal('0.001'), ...overrides };
}

export function settingsFor(overrides: Partial<BacktestSettings> = {}): BacktestSettings {
  return {
    pair: usdtPair(), fees: { makerRate: new Decimal(0), takerRate: new Decimal(0) }, timeframe: '1m',
    initialQuote: new Decimal(10_000), finalize: 'none', ...overrides,
  };
}

export interface DecisionLog {
  index: number;
  intents: Intent[];
  decision: Decision;
}

/** Wraps an engine so every decision and its intents are recorded, indexed by the decision's candle. */
export function recording<C, S>(engine: StrategyEngine<C, S>): { engine: StrategyEngine<C, S>; log: DecisionLog[] } {
  const log: DecisionLog[] = [];
  let index = 0;
  return {
    log,
    engine: {
      ...engine,
      decide: (state, market, config) => {
        const r = engine.decide(state, market, config);
        log.push({ index: index++, intents: r.intents, decision: r.decision });
        return r;
      },
    },
  };
}

export const d = (v: number | string) => new Decimal(v);
