/** The backtesting.py SmaCross(10, 30) setup on GOOG, shared by the reproduction and fast-path tests. */
import { Decimal } from '../../../src/shared/money.ts';
import type { BuilderConfigInput } from '../../../src/engines/builder/index.ts';
import type { BacktestSettings } from '../../../src/engines/backtest/index.ts';

/** 1 − 2^−52 written out exactly: backtesting.py's default order size `1 - sys.float_info.epsilon`. */
export const ONE_MINUS_EPSILON = '0.9999999999999997779553950749686919152736663818359375';

const sma = (period: number) => ({ indicator: 'sma' as const, params: { period } });

export const smaCrossConfig: BuilderConfigInput = {
  version: 1,
  name: 'SmaCross(10, 30)',
  sizing: { mode: 'equity_fraction', fraction: ONE_MINUS_EPSILON },
  components: [
    { componentType: 'entry', side: 'long', position: 0, condition: { left: sma(10), op: 'crosses_above', right: sma(30) } },
    { componentType: 'entry', side: 'short', position: 1, condition: { left: sma(10), op: 'crosses_below', right: sma(30) } },
  ],
};

export function googSettings(cash: number): BacktestSettings {
  return {
    pair: { symbol: 'GOOG/USD', base: 'GOOG', quote: 'USD', pricePrecision: 2, quantityPrecision: 0, minOrderSize: new Decimal(1) },
    fees: { makerRate: new Decimal(0), takerRate: new Decimal(0) },
    timeframe: '1d',
    initialQuote: new Decimal(cash),
    fillRules: { slippageBps: 0, allowShort: true },
    finalize: 'open',
  };
}
