/**
 * The fast path (batch indicators, tight loop) and the generic path (decide() per candle, the
 * live runner's call) give identical trades, equity curves and statistics on real candles.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { createBuilderEngine, type BuilderConfigInput } from '../../../src/engines/builder/index.ts';
import { runBacktest, runFastBacktest, type BacktestRun, type BacktestSettings } from '../../../src/engines/backtest/index.ts';
import type { Candle } from '../../../src/engines/types.ts';
import { loadArrayCandles, loadCsvCandles } from '../helpers/fixtures.ts';
import { googSettings, smaCrossConfig } from './goog-setup.ts';

function comparable(r: BacktestRun) {
  const { trades, equityCurve, ...rest } = r;
  return {
    trades: trades.map((t) => ({ ...t, entryPrice: t.entryPrice.toFixed(), exitPrice: t.exitPrice.toFixed(), quantity: t.quantity.toFixed(), pnl: t.pnl.toFixed(), fees: t.fees.toFixed() })),
    equity: Array.from(equityCurve.equity),
    time: Array.from(equityCurve.time),
    rest: JSON.parse(JSON.stringify(rest, (_k, v) => (v instanceof Decimal ? v.toFixed() : v))),
  };
}

function expectSameRuns(config: BuilderConfigInput, candles: Candle[], settings: BacktestSettings, minTrades: number) {
  const generic = comparable(runBacktest(createBuilderEngine(), config, candles, settings));
  const fast = comparable(runFastBacktest(config, candles, settings));
  expect(generic.trades.length).toBeGreaterThanOrEqual(minTrades);
  expect(fast.trades).toEqual(generic.trades);
  fast.equity.forEach((e, i) => {
    if (!Object.is(e, generic.equity[i])) expect.fail(`equity differs at bar ${i}: fast ${e}, generic ${generic.equity[i]}`);
  });
  expect(fast.rest).toEqual(generic.rest);
}

const crypto = (quantityPrecision: number): BacktestSettings => ({
  pair: { symbol: 'ALT/BTC', base: 'ALT', quote: 'BTC', pricePrecision: 8, quantityPrecision, minOrderSize: new Decimal('0.001'), minNotional: new Decimal('0.0001') },
  fees: { makerRate: new Decimal('0.001'), takerRate: new Decimal('0.001') },
  timeframe: '1m',
  initialQuote: new Decimal(1),
  fillRules: { slippageBps: 5 },
});

describe('fast path ≡ generic decide() path', () => {
  it('SmaCross(10, 30) long/short with reversals on GOOG daily', () => {
    expectSameRuns(smaCrossConfig, loadCsvCandles('ohlcv/GOOG.csv'), googSettings(10_000), 60);
  });

  it('long-only SMA cross with stop loss, take profit, fees and slippage on 1m candles with gaps', () => {
    const sma = (period: number) => ({ indicator: 'sma' as const, params: { period } });
    const config: BuilderConfigInput = {
      version: 1, name: 'sma cross, stop and target', sizing: { mode: 'equity_fraction', fraction: '0.95' },
      components: [
        { componentType: 'entry', condition: { left: sma(10), op: 'crosses_above', right: sma(30) } },
        { componentType: 'exit', condition: { left: sma(10), op: 'crosses_below', right: sma(30) } },
        { componentType: 'exit', takeProfitPercent: 1.5 },
        { componentType: 'stop_loss', percent: 0.8 },
      ],
    };
    expectSameRuns(config, loadArrayCandles('ohlcv/freqtrade_UNITTEST_BTC-1m.json'), crypto(2), 100);
  });

  it('RSI + Bollinger entries, ADX trend filter, trailing ATR stop, quote sizing, zero-volume candles', () => {
    const config: BuilderConfigInput = {
      version: 1, name: 'mean reversion with trend filter', sizing: { mode: 'quote', amount: '0.01' },
      components: [
        { componentType: 'trend', condition: { left: { indicator: 'adx', params: { period: 14 }, output: 'adx' }, op: 'below', right: { value: 40 } } },
        { componentType: 'entry', condition: { left: { indicator: 'rsi', params: { period: 14 } }, op: 'below', right: { value: 35 } } },
        { componentType: 'entry', condition: { left: { price: 'close' }, op: 'below', right: { indicator: 'bollinger', params: { period: 20, multiplier: 2 }, output: 'lower' } } },
        { componentType: 'exit', condition: { left: { price: 'close' }, op: 'crosses_above', right: { indicator: 'ema', params: { period: 20 } } } },
        { componentType: 'stop_loss', atrPeriod: 14, atrMultiplier: 2, trailing: true },
      ],
    };
    expectSameRuns(config, loadArrayCandles('ohlcv/freqtrade_XRP_ETH-1m.json'), { ...crypto(0), initialQuote: new Decimal(5) }, 10);
  });

  it('short side with a MACD/Stochastic rule set on LTC/USDT 1m', () => {
    const config: BuilderConfigInput = {
      version: 1, name: 'macd shorts', sizing: { mode: 'equity_fraction', fraction: '0.5' },
      components: [
        { componentType: 'entry', side: 'short', condition: { left: { indicator: 'macd', params: {}, output: 'histogram' }, op: 'crosses_below', right: { value: 0 } } },
        { componentType: 'trend', side: 'short', condition: { left: { indicator: 'stochastic', params: {}, output: 'k' }, op: 'above', right: { value: 50 } } },
        { componentType: 'exit', side: 'short', condition: { left: { indicator: 'macd', params: {}, output: 'histogram' }, op: 'crosses_above', right: { value: 0 } } },
        { componentType: 'stop_loss', side: 'short', percent: 1, trailing: true },
      ],
    };
    const settings: BacktestSettings = {
      ...crypto(3), pair: { symbol: 'LTC/USDT', base: 'LTC', quote: 'USDT', pricePrecision: 2, quantityPrecision: 3, minOrderSize: new Decimal('0.001') },
      initialQuote: new Decimal(1000), fillRules: { allowShort: true, slippageBps: 2 },
    };
    expectSameRuns(config, loadArrayCandles('ohlcv/trading-signals_LTC_USDT-1m.json'), settings, 10);
  });
});
