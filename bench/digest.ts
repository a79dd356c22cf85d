/**
 * npx tsx bench/digest.ts [--write] — a fingerprint of every backtest result (trades with their
 * exact Decimal amounts, equity curve, statistics, decisions, rejections, alerts) for every bot
 * type and the SMA cross (fast and generic paths), on the benchmark's candles under several
 * settings (no fees; maker/taker fees, slippage and a minimum notional; shorts; whole units).
 * Performance work must leave every fingerprint unchanged: `--write` stores them in
 * bench/digest-baseline.json, a plain run compares against that file and exits 1 on a difference.
 * DIGEST_CANDLES sets the number of candles (default 200,000).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Decimal } from '../src/shared/money.ts';
import { runBacktest, runFastBacktest, seriesToCandles, type BacktestRun, type BacktestSettings } from '../src/engines/backtest/index.ts';
import { createBuilderEngine } from '../src/engines/builder/index.ts';
import { strategyEngines } from '../src/engines/strategies/index.ts';
import { BOT_TYPES } from '../src/engines/types.ts';
import { buildBenchCandles } from './candles.ts';
import { engineCases } from './cases.ts';

const COUNT = Number(process.env.DIGEST_CANDLES ?? 200_000);
const BASELINE = fileURLToPath(new URL('./digest-baseline.json', import.meta.url));

const pair = { symbol: 'LTC/USDT', base: 'LTC', quote: 'USDT', pricePrecision: 2, quantityPrecision: 3, minOrderSize: new Decimal('0.001') };
const base: BacktestSettings = { pair, fees: { makerRate: new Decimal(0), takerRate: new Decimal(0) }, timeframe: '1m', initialQuote: new Decimal(10_000), finalize: 'close' };
const variants: Record<string, BacktestSettings> = {
  nofees: base,
  fees: { ...base, pair: { ...pair, minNotional: new Decimal(5) }, fees: { makerRate: new Decimal('0.0005'), takerRate: new Decimal('0.001') }, fillRules: { slippageBps: 5 } },
  shorts: { ...base, fees: { makerRate: new Decimal('0.0002'), takerRate: new Decimal('0.00075') }, fillRules: { allowShort: true, slippageBps: 3 }, finalize: 'open' },
  whole: { ...base, pair: { ...pair, pricePrecision: 1, quantityPrecision: 0, minOrderSize: new Decimal(1) }, fees: { makerRate: new Decimal('0.001'), takerRate: new Decimal('0.001') }, initialQuote: new Decimal('123456.789'), finalize: 'none' },
};

const sma = (period: number) => ({ indicator: 'sma' as const, params: { period } });
const smaCross = (fraction: string, shorts: boolean) => ({
  version: 1, name: 'SMA cross', sizing: { mode: 'equity_fraction', fraction },
  components: [
    { componentType: 'entry', condition: { left: sma(10), op: 'crosses_above', right: sma(30) } },
    shorts
      ? { componentType: 'entry', side: 'short', condition: { left: sma(10), op: 'crosses_below', right: sma(30) } }
      : { componentType: 'exit', condition: { left: sma(10), op: 'crosses_below', right: sma(30) } },
    { componentType: 'stop_loss', percent: 1.5 },
  ],
});

function fingerprint(r: BacktestRun): string {
  const json = JSON.stringify(r, (_k, v) => {
    if (v instanceof Decimal) return `D${v.isZero() && v.isNeg() ? '-0' : v.toFixed()}`;
    if (v instanceof Float64Array) return Array.from(v, (x) => (Object.is(x, -0) ? '-0' : x));
    return v;
  });
  return `${createHash('sha256').update(json).digest('hex').slice(0, 16)} trades=${r.totalTrades}`;
}

const series = buildBenchCandles(COUNT);
const candles = seriesToCandles(series);
const cases = engineCases(series.close[0]);
const out: Record<string, Record<string, string>> = {};
for (const [name, settings] of Object.entries(variants)) {
  const row: Record<string, string> = {};
  const cfg = smaCross(name === 'fees' ? '0.95' : '1', name === 'shorts');
  row.sma_cross_fast_path = fingerprint(runFastBacktest(cfg, series, settings));
  row.sma_cross_generic_path = fingerprint(runBacktest(createBuilderEngine(), cfg, candles, settings));
  for (const type of BOT_TYPES) {
    const c = cases[type];
    row[type] = fingerprint(runBacktest(strategyEngines[type], c.config, candles, { ...settings, feed: c.feed, ...c.settings }));
  }
  out[name] = row;
}

const doc = { candles: COUNT, digests: out };
if (process.argv.includes('--write')) {
  writeFileSync(BASELINE, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(JSON.stringify(doc, null, 2));
} else {
  const expected = existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as typeof doc) : null;
  const diffs: string[] = [];
  if (!expected || expected.candles !== COUNT) diffs.push(`no baseline for ${COUNT} candles`);
  else for (const [v, row] of Object.entries(out)) for (const [k, h] of Object.entries(row)) if (expected.digests[v]?.[k] !== h) diffs.push(`${v}/${k}: ${h} ≠ ${expected.digests[v]?.[k]}`);
  console.log(JSON.stringify({ ...doc, same: diffs.length === 0, diffs }, null, 2));
  process.exitCode = diffs.length ? 1 : 0;
}
