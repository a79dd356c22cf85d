import { ZERO } from '../../shared/money.ts';
import { compileRules, computeSignalArrays, type CompiledRules, type SignalArrays } from '../builder/compile.ts';
import { actionsToIntents, applyFills, emptySignals, initialPolicyState, needsPlan, planBar, type Bar, type PolicyState } from '../builder/policy.ts';
import { PaperBook } from '../fills/paper-book.ts';
import type { PaperFill } from '../fills/types.ts';
import type { Candle, CandleSeries } from '../types.ts';
import { TIMEFRAME_MS, candlesToSeries, isCandleSeries } from './candles.ts';
import { accountValue, closeOpenPositions } from './finalize.ts';
import { TradeLedger } from './ledger.ts';
import { buildReport } from './report.ts';
import type { BacktestRun } from './run-backtest.ts';
import type { BacktestSettings } from './types.ts';

const NO_FILLS: readonly PaperFill[] = [];

/**
 * The fast path for built strategies: indicators computed once as batch arrays, one tight loop
 * over the bars with no per-bar snapshot, decision or candle objects, and Decimal only when an
 * order fills. Rules, position policy, paper book and ledger are the very functions the
 * decide() path uses, and test/engines/backtest/fast-path-equivalence proves both give
 * identical trades and equity on real candles.
 */
export function runFastBacktest(rawConfig: unknown, input: Candle[] | CandleSeries, settings: BacktestSettings): BacktestRun {
  const compiled = compileRules(rawConfig);
  const series = isCandleSeries(input) ? input : candlesToSeries(input);
  const n = series.close.length;
  const signals = computeSignalArrays(compiled, series);
  const { enterLong, enterShort, exitLong, exitShort, atrLong, atrShort } = signals;
  const sig = emptySignals();
  const policy = initialPolicyState();
  const book = new PaperBook(settings.pair, settings.fees, { quote: settings.initialQuote, base: settings.initialBase ?? ZERO }, settings.fillRules);
  const ledger = new TradeLedger();
  const equity = new Float64Array(n);
  const decisions = { buy: 0, sell: 0, hold: 0 };
  const bar: Bar = { high: 0, low: 0, close: 0 };
  const { time, open, high, low, close, volume } = series;
  const stepMs = TIMEFRAME_MS[settings.timeframe];
  const progressEvery = settings.progressEvery ?? Math.max(1, Math.floor(n / 100));
  let exposed = 0;

  for (let i = 0; i < n; i++) {
    if (settings.onProgress && i > 0 && i % progressEvery === 0) settings.onProgress({ done: i, total: n });
    let fills: readonly PaperFill[] = NO_FILLS;
    if (book.orders.length > 0) {
      fills = book.processCandle({ time: time[i], open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i] }, i);
      for (let f = 0; f < fills.length; f++) ledger.record(fills[f], i);
    }
    equity[i] = book.quoteNum + book.baseNum * close[i];
    if (book.baseNum !== 0 || fills.length) exposed++;
    if (i + 1 >= compiled.warmup) {
      if (fills.length || policy.closingTag !== null || policy.position?.status === 'opening') {
        applyFills(policy, fills, book.openOrderTags(), compiled.rules);
      }
      sig.enterLong = enterLong[i] === 1;
      sig.enterShort = enterShort[i] === 1;
      sig.exitLong = exitLong[i] === 1;
      sig.exitShort = exitShort[i] === 1;
      if (!needsPlan(policy, compiled.rules, sig)) {
        decisions.hold++;
        // Quiet stretch: no resting order, nothing in flight, and a position (or none) that only
        // a signal can change. Until one of the two signals that matter fires, every bar holds
        // and only the equity curve moves, so run them in a plain loop (bars where needsPlan
        // would return false, stopping at progress points). Measured: see bench/README.md.
        const quiet = book.orders.length === 0 && policy.closingTag === null ? quietSignals(policy, compiled.rules, signals) : null;
        if (quiet !== null) {
          const [a, b] = quiet;
          const end = settings.onProgress ? Math.min(n, (Math.floor(i / progressEvery) + 1) * progressEvery) : n;
          const quote = book.quoteNum;
          const base = book.baseNum;
          let j = i + 1;
          while (j < end && a[j] === 0 && b[j] === 0) {
            equity[j] = quote + base * close[j];
            j++;
          }
          const skipped = j - i - 1;
          if (base !== 0) exposed += skipped;
          decisions.hold += skipped;
          i = j - 1;
        }
        continue;
      }
      sig.atrLong = atrLong ? atrLong[i] : Number.NaN;
      sig.atrShort = atrShort ? atrShort[i] : Number.NaN;
      bar.high = high[i];
      bar.low = low[i];
      bar.close = close[i];
      const actions = planBar(policy, compiled.rules, sig, bar);
      if (actions === null) decisions.hold++;
      else {
        const last = actions[actions.length - 1];
        const buys = last.type === 'open' ? last.side === 'long' : last.position.side === 'short';
        decisions[buys ? 'buy' : 'sell']++;
        const decisionTime = time[i] + stepMs;
        // Only an entry sized by equity fraction reads the free quote; a close-only bar skips making
        // its Decimal (half the decisions of the SMA-cross benchmark).
        const sizesFromQuote = compiled.sizing.mode === 'equity_fraction' && actions.some((a) => a.type === 'open');
        for (const intent of actionsToIntents(actions, compiled.sizing, close[i], sizesFromQuote ? book.freeBalances().quote : ZERO, settings.pair)) {
          if (intent.kind === 'place_order') book.place(intent, i, decisionTime);
        }
      }
    }
  }

  const lastCandle = n ? { time: time[n - 1], open: open[n - 1], high: high[n - 1], low: low[n - 1], close: close[n - 1], volume: volume[n - 1] } : null;
  if (lastCandle) {
    for (const f of closeOpenPositions(book, lastCandle, settings.finalize ?? 'close')) ledger.record(f, n - 1);
    equity[n - 1] = book.equityAt(lastCandle.close);
  }
  settings.onProgress?.({ done: n, total: n });
  const initialBalance = accountValue(new PaperBook(settings.pair, settings.fees, { quote: settings.initialQuote, base: settings.initialBase ?? ZERO }), n ? close[0] : 0);
  const report = buildReport({
    symbol: settings.pair.symbol, settings, trades: ledger.trades, equityCurve: { time: time.slice(), equity },
    initialBalance, finalBalance: lastCandle ? accountValue(book, lastCandle.close) : initialBalance,
    exposedBars: exposed, firstDecisionIndex: compiled.warmup - 1, closes: close, decisions, rejections: book.rejections,
  });
  return { ...report, alerts: [] };
}

/**
 * The two signal arrays whose 1s are the only way planBar could act on a quiet bar (see
 * needsPlan), or null when the position could act on any bar (stop, target, trailing stop) or
 * an entry is in flight.
 */
function quietSignals(policy: PolicyState, rules: CompiledRules['rules'], s: SignalArrays): [Uint8Array, Uint8Array] | null {
  const p = policy.position;
  if (!p) return [s.enterLong, s.enterShort];
  if (p.status !== 'open' || p.stop !== null || p.takeProfit !== null || rules[p.side].stop?.trailing === true) return null;
  return p.side === 'long' ? [s.exitLong, s.enterShort] : [s.exitShort, s.enterLong];
}
