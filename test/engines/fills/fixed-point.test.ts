/**
 * The exact fixed-point lane (src/engines/fills/fixed-point.ts) gives bit for bit the values of
 * the Decimal implementation: its conversions against decimal.js itself on random and edge
 * values, and whole backtests on real candles with the lane on and off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { EXACT_LANE, fastDecimalToNumber, fromUnits, lanes, placesOf, plainText, toUnits, unitsToNumber } from '../../../src/engines/fills/fixed-point.ts';
import { BookFill, PaperBook, divideRounded } from '../../../src/engines/fills/index.ts';
import { runBacktest, runFastBacktest, type BacktestRun, type BacktestSettings } from '../../../src/engines/backtest/index.ts';
import { createBuilderEngine } from '../../../src/engines/builder/index.ts';
import { strategyEngines } from '../../../src/engines/strategies/index.ts';
import { BOT_TYPES, type Candle } from '../../../src/engines/types.ts';
import { engineCases } from '../../../bench/cases.ts';
import { loadArrayCandles, loadCsvCandles } from '../helpers/fixtures.ts';
import { googSettings, smaCrossConfig } from '../backtest/goog-setup.ts';
import { randomStream } from '../helpers/random.ts';

function randomUnits(next: () => number): bigint {
  const digits = 1 + Math.floor(next() * 40);
  let text = '';
  for (let k = 0; k < digits; k++) text += Math.floor(next() * 10);
  if (next() < 0.3) text += '0'.repeat(Math.floor(next() * 9));
  return BigInt(text) * (next() < 0.5 ? -1n : 1n);
}

const parts = (d: Decimal) => {
  const x = d as unknown as { s: number; e: number; d: number[] };
  return { s: x.s, e: x.e, d: x.d.join() };
};

afterEach(() => {
  lanes.exact = EXACT_LANE;
});

describe('fixed-point conversions', () => {
  it('is on with this decimal.js', () => {
    expect(EXACT_LANE).toBe(true);
  });

  it('builds Decimals exactly as decimal.js parses them, and reads them back', () => {
    const next = randomStream(20_240_601);
    for (let k = 0; k < 8000; k++) {
      const u = randomUnits(next);
      const scale = Math.floor(next() * 45);
      const ref = new Decimal(`${u}e-${scale}`);
      const made = fromUnits(u, scale);
      expect(parts(made)).toEqual(parts(ref));
      expect(made.toFixed()).toBe(ref.toFixed());
      expect(placesOf(ref)).toBe(ref.decimalPlaces());
      expect(toUnits(ref, scale)).toBe(u);
      expect(toUnits(ref, scale + 4)).toBe(u * 10_000n);
      expect(unitsToNumber(u, scale)).toBe(Number(ref.toFixed()));
      expect(fastDecimalToNumber(ref)).toBe(Number(ref.toFixed()));
      if (ref.decimalPlaces() > 0) expect(toUnits(ref, ref.decimalPlaces() - 1)).toBeNull();
    }
  });

  it('handles zero, small words and exponents at word boundaries', () => {
    expect(fromUnits(0n, 8)).toEqual(new Decimal(0));
    for (const text of ['1', '0.1', '0.0000001', '1234567', '12345678', '9999999.9999999', '-0.00000001', '100000000000000', '0.5', '84.12']) {
      const ref = new Decimal(text);
      expect(parts(fromUnits(toUnits(ref, 20) as bigint, 20))).toEqual(parts(ref));
      expect(fastDecimalToNumber(ref)).toBe(Number(text));
    }
  });

  it('divides and rounds to a tick as the Decimal search does', () => {
    const next = randomStream(7);
    for (let k = 0; k < 5000; k++) {
      const u = randomUnits(next);
      const n = new Decimal(`${(u < 0n ? -u : u) % 10n ** 18n}e-${Math.floor(next() * 12)}`);
      const d = new Decimal(`${1n + BigInt(Math.floor(next() * 1e9))}e-${Math.floor(next() * 10)}`);
      const decimals = Math.floor(next() * 9);
      for (const mode of ['floor', 'ceil'] as const) {
        lanes.exact = false;
        const ref = divideRounded(n, d, decimals, mode);
        lanes.exact = true;
        expect(divideRounded(n, d, decimals, mode).toFixed()).toBe(ref.toFixed());
      }
    }
  });

  it('is the lane the paper book settles in: its fills carry their units', () => {
    const pair = { symbol: 'LTC/USDT', base: 'LTC', quote: 'USDT', pricePrecision: 2, quantityPrecision: 3, minOrderSize: new Decimal('0.001') };
    const book = new PaperBook(pair, { makerRate: new Decimal('0.001'), takerRate: new Decimal('0.001') }, { quote: new Decimal(1000), base: new Decimal(0) });
    book.place({ kind: 'place_order', tag: 'b', side: 'buy', type: 'market', quantity: new Decimal('1.5'), positionTag: 'p', effect: 'open', reason: 't' }, 0, 0);
    const [fill] = book.processCandle({ time: 1, open: 84.12, high: 85, low: 84, close: 84.5, volume: 1 }, 1);
    expect(BookFill.unitsOf(fill)).not.toBeNull();
    // 1.5 × 84.12 = 126.18; fee 0.12618
    expect([fill.fee.toFixed(), book.quote.toFixed(), book.base.toFixed()]).toEqual(['0.12618', '873.69382', '1.5']);
  });
});

describe('whole backtests with the exact lane on and off', () => {
  const json = (r: BacktestRun) => JSON.stringify(r, (_k, v) => (v instanceof Decimal ? `D${v.toFixed()}` : v instanceof Float64Array ? Array.from(v) : v));
  const both = (run: () => BacktestRun) => {
    lanes.exact = false;
    const reference = json(run());
    lanes.exact = true;
    return { reference, exact: json(run()) };
  };
  const ltc = loadArrayCandles('ohlcv/trading-signals_LTC_USDT-1m.json');
  const pair = { symbol: 'LTC/USDT', base: 'LTC', quote: 'USDT', pricePrecision: 2, quantityPrecision: 3, minOrderSize: new Decimal('0.001') };
  const variants: Record<string, BacktestSettings> = {
    'fees and slippage': { pair: { ...pair, minNotional: new Decimal(5) }, fees: { makerRate: new Decimal('0.0005'), takerRate: new Decimal('0.001') }, timeframe: '1m', initialQuote: new Decimal('10000.123456'), fillRules: { slippageBps: 5 }, finalize: 'close' },
    'shorts on margin': { pair, fees: { makerRate: new Decimal('0.0002'), takerRate: new Decimal('0.00075') }, timeframe: '1m', initialQuote: new Decimal(5000), fillRules: { allowShort: true, slippageBps: 3 }, finalize: 'open' },
    'whole units': { pair: { ...pair, pricePrecision: 1, quantityPrecision: 0, minOrderSize: new Decimal(1) }, fees: { makerRate: new Decimal(0), takerRate: new Decimal(0) }, timeframe: '1m', initialQuote: new Decimal(3000), finalize: 'none' },
  };

  it('GOOG SmaCross(10, 30) (backtesting.py setup), fast and generic paths', () => {
    const goog = loadCsvCandles('ohlcv/GOOG.csv');
    for (const run of [() => runBacktest(createBuilderEngine(), smaCrossConfig, goog, googSettings(10_000)), () => runFastBacktest(smaCrossConfig, goog, googSettings(10_000))]) {
      const { reference, exact } = both(run);
      expect(exact).toBe(reference);
    }
  });

  for (const [name, settings] of Object.entries(variants)) {
    it(`every bot type and the SMA cross on LTC/USDT 1m: ${name}`, () => {
      const cases = engineCases(ltc[0].close);
      const sma = (period: number) => ({ indicator: 'sma' as const, params: { period } });
      const cross = { version: 1, name: 'x', sizing: { mode: 'equity_fraction', fraction: '0.9' }, components: [
        { componentType: 'entry', condition: { left: sma(10), op: 'crosses_above', right: sma(30) } },
        { componentType: 'entry', side: 'short', condition: { left: sma(10), op: 'crosses_below', right: sma(30) } },
        { componentType: 'stop_loss', percent: 1 },
      ] };
      const runs: [string, () => BacktestRun][] = [['sma fast', () => runFastBacktest(cross, ltc, settings)], ['sma generic', () => runBacktest(createBuilderEngine(), cross, ltc, settings)]];
      for (const type of BOT_TYPES) {
        const c = cases[type];
        runs.push([type, () => runBacktest(strategyEngines[type], c.config, ltc as Candle[], { ...settings, feed: c.feed, ...c.settings })]);
      }
      for (const [label, run] of runs) {
        const { reference, exact } = both(run);
        expect(exact, label).toBe(reference);
      }
    });
  }
});

describe('plainText', () => {
  it('is value.toFixed() on random and edge values', () => {
    let seed = 7;
    const rnd = (k: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % k;
    };
    const texts = ['0', '-0', '1', '0.001', '100', '1e21', '1e-30', '123.456', '-0.5', '99999999999999', '0.00000012345678901234', '1234567.1234567'];
    for (let i = 0; i < 20_000; i++) {
      let digits = '';
      for (let k = 1 + rnd(18); k > 0; k--) digits += String(rnd(10));
      texts.push(`${rnd(3) === 0 ? '-' : ''}${digits}e${rnd(60) - 30}`);
    }
    for (const text of texts) expect(plainText(new Decimal(text)), text).toBe(new Decimal(text).toFixed());
  });
});
