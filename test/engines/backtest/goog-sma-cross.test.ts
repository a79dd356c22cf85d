/**
 * Reproduces backtesting.py's published statistics for SmaCross(10, 30) on GOOG daily
 * (kernc/backtesting.py test_compute_stats; fixture test/fixtures/backtests). Every expected
 * number below is read from the published file; nothing is derived from our own output.
 *
 * Fill rules configured to match the file's description:
 * - market orders fill at the NEXT bar's open (trade_on_close = False), no spread, commission 0;
 * - on a crossover: close the position, then open the other side (position.close(); buy()/sell());
 * - size = 1 − ε of the available equity (ε = 2^−52, Python's float epsilon), in whole shares
 *   (quantity precision 0), computed when the order fills;
 * - shorts allowed (margin 1);
 * - finalize_trades: open trades close at the LAST bar's open.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { createBuilderEngine } from '../../../src/engines/builder/index.ts';
import { runBacktest, type BacktestSettings } from '../../../src/engines/backtest/index.ts';
import { loadCsvCandles, readFixture, readJsonFixture } from '../helpers/fixtures.ts';
import { googSettings, smaCrossConfig } from './goog-setup.ts';

const published = readJsonFixture('backtests/backtesting.py_SmaCross_10_30_GOOG.json');
const stats = published.published_expected_stats;
const REL = 1e-6;

function expectRel(actual: number | null, expected: number, what: string): void {
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected) / Math.abs(expected), `${what}: ours ${actual}, published ${expected}`).toBeLessThanOrEqual(REL);
}

describe('backtesting.py SmaCross(10, 30) on GOOG', () => {
  const candles = loadCsvCandles('ohlcv/GOOG.csv');
  const settings: BacktestSettings = googSettings(Number(published.strategy.backtest_kwargs.cash));
  const report = runBacktest(createBuilderEngine(), smaCrossConfig, candles, settings);

  it('uses the published data set', () => {
    expect(candles.length).toBe(published.data.rows);
  });

  it('makes the published 66 trades, matching the generated trade list one by one', () => {
    expect(report.totalTrades).toBe(stats['# Trades']);
    const expected = published.generated_trades.trades as any[];
    report.trades.forEach((t, k) => {
      const e = expected[k];
      expect(t.side === 'long' ? t.quantity.toNumber() : -t.quantity.toNumber(), `trade ${k} size`).toBe(e.size);
      expect([t.entryIndex, t.exitIndex], `trade ${k} bars`).toEqual([e.entry_bar, e.exit_bar]);
      expect(t.entryPrice.toNumber(), `trade ${k} entry`).toBe(e.entry_price);
      expect(t.exitPrice.toNumber(), `trade ${k} exit`).toBe(e.exit_price);
      expect(Math.abs(t.pnl.toNumber() - e.pnl), `trade ${k} pnl`).toBeLessThan(1e-9);
    });
  });

  it('reproduces the published statistics to 1e-6 relative', () => {
    expectRel(report.finalBalance.toNumber(), stats['Equity Final [$]'], 'Equity Final');
    expectRel(report.totalReturnPercent.toNumber(), stats['Return [%]'], 'Return [%]');
    expectRel(-report.maxDrawdownPercent, stats['Max. Drawdown [%]'], 'Max. Drawdown [%]');
    expectRel(report.sharpeRatio, stats['Sharpe Ratio'], 'Sharpe Ratio');
    expectRel(report.sortinoRatio, stats['Sortino Ratio'], 'Sortino Ratio');
    expectRel(report.calmarRatio, stats['Calmar Ratio'], 'Calmar Ratio');
    expectRel(report.winRate, stats['Win Rate [%]'], 'Win Rate [%]');
    expectRel(report.profitFactorReturns, stats['Profit Factor'], 'Profit Factor (backtesting.py: on trade returns)');
    expectRel(report.annualReturnPercent, stats['Return (Ann.) [%]'], 'Return (Ann.) [%]');
    expectRel(report.annualVolatilityPercent, stats['Volatility (Ann.) [%]'], 'Volatility (Ann.) [%]');
    expectRel(report.cagrPercent, stats['CAGR [%]'], 'CAGR [%]');
    expectRel(report.bestTradePercent, stats['Best Trade [%]'], 'Best Trade [%]');
    expectRel(report.worstTradePercent, stats['Worst Trade [%]'], 'Worst Trade [%]');
    expectRel(report.avgTradePercent, stats['Avg. Trade [%]'], 'Avg. Trade [%]');
    expectRel(report.expectancyPercent, stats['Expectancy [%]'], 'Expectancy [%]');
    expectRel(report.exposurePercent, stats['Exposure Time [%]'], 'Exposure Time [%]');
    expectRel(report.buyAndHoldReturnPercent, stats['Buy & Hold Return [%]'], 'Buy & Hold Return [%]');
    expectRel(Math.max(...report.equityCurve.equity), stats['Equity Peak [$]'], 'Equity Peak [$]');
  });

  it('matches the generated equity curve bar by bar', () => {
    const rows = readFixtureCsv();
    expect(rows.length).toBe(report.equityCurve.equity.length);
    rows.forEach((e, i) => expect(Math.abs(report.equityCurve.equity[i] - e) / e, `bar ${i}`).toBeLessThan(1e-12));
  });

  it('keeps money exact: the final balance is the initial cash plus the sum of trade P&L', () => {
    const sum = report.trades.reduce((acc, t) => acc.add(t.pnl), new Decimal(0));
    expect(report.finalBalance.eq(new Decimal(10000).add(sum))).toBe(true);
  });
});

/** Equity column of the equity curve generated by running backtesting.py at the same commit. */
function readFixtureCsv(): number[] {
  return readFixture('backtests/backtesting.py_SmaCross_10_30_GOOG.equity_curve.generated.csv').trim().split(/\r?\n/).slice(1).map((line) => Number(line.split(',')[1]));
}
