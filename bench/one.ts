// Profiling aid: npx tsx bench/one.ts <bot type | fast | generic | fastnone | noop> [reps] — runs one case on the bench
// candles (BENCH_CANDLES) and prints CPU ms per repetition; PRE=a,b runs other cases first (JIT effects); EXACT_LANE=0
// turns the BigInt lane off (decimal.js only). For A/B, take the min.
import { Decimal } from '../src/shared/money.ts';
import { runBacktest, runFastBacktest, seriesToCandles, type BacktestSettings } from '../src/engines/backtest/index.ts';
import { createBuilderEngine } from '../src/engines/builder/index.ts';
import { strategyEngines } from '../src/engines/strategies/index.ts';
import { lanes } from '../src/engines/fills/fixed-point.ts';
import { buildBenchCandles } from './candles.ts';
import { engineCases } from './cases.ts';
const COUNT = Number(process.env.BENCH_CANDLES ?? 1_000_000);
if (process.env.EXACT_LANE === '0') lanes.exact = false;
const settings: BacktestSettings = {
  pair: { symbol: 'LTC/USDT', base: 'LTC', quote: 'USDT', pricePrecision: 2, quantityPrecision: 3, minOrderSize: new Decimal('0.001') },
  fees: { makerRate: new Decimal(0), takerRate: new Decimal(0) }, timeframe: '1m', initialQuote: new Decimal(10_000), finalize: 'close',
};
const sma = (period: number) => ({ indicator: 'sma' as const, params: { period } });
const smaCross = { version: 1, name: 'x', sizing: { mode: 'equity_fraction', fraction: '1' }, components: [
  { componentType: 'entry', condition: { left: sma(10), op: 'crosses_above', right: sma(30) } },
  { componentType: 'exit', condition: { left: sma(10), op: 'crosses_below', right: sma(30) } }] };
const series = buildBenchCandles(COUNT);
const candles = process.argv[2].startsWith("fast") && !process.env.WITH_CANDLES ? [] : seriesToCandles(series);
const which = process.argv[2];
if (process.env.PRE) {
  for (const pre of process.env.PRE.split(',')) {
    const cpu = process.cpuUsage();
    const c = engineCases(series.close[0])[pre as 'ai'];
    if (pre === 'generic') runBacktest(createBuilderEngine(), smaCross, candles, settings);
    else runBacktest(strategyEngines[pre as 'ai'], c.config, candles, { ...settings, feed: c.feed, ...c.settings });
    const u = process.cpuUsage(cpu);
    console.log('pre', pre, Math.round((u.user + u.system) / 1000));
  }
}
const reps = Number(process.argv[3] ?? 3);
for (let r = 0; r < reps; r++) {
  const cpu = process.cpuUsage();
  let trades = 0;
  if (which === 'noop') {
    const decision = { signal: 'HOLD' as const, confidence: 0, reason: '', price: 0, indicators: {} };
    trades = runBacktest({ type: 'ai', configSchema: { parse: (x: unknown) => x } as any, warmupCandles: () => 30, initialState: () => ({}), decide: (state: unknown) => ({ intents: [], state, decision }) }, {}, candles, settings).totalTrades;
  } else if (which === 'fastnone') trades = runFastBacktest({ ...smaCross, components: [{ componentType: 'entry', condition: { left: sma(10), op: 'crosses_above', right: sma(10) } }] }, series, settings).totalTrades;
  else if (which === 'fast') trades = runFastBacktest(smaCross, series, settings).totalTrades;
  else if (which === 'generic') trades = runBacktest(createBuilderEngine(), smaCross, candles, settings).totalTrades;
  else { const c = engineCases(series.close[0])[which as 'ai']; trades = runBacktest(strategyEngines[which as 'ai'], c.config, candles, { ...settings, feed: c.feed, ...c.settings }).totalTrades; }
  const u = process.cpuUsage(cpu);
  console.log(which, 'cpu ms', Math.round((u.user + u.system) / 1000), 'user', Math.round(u.user / 1000), 'trades', trades);
}
