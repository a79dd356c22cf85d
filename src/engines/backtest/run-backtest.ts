import { ZERO } from '../../shared/money.ts';
import { PaperBook } from '../fills/paper-book.ts';
import type { PaperFill } from '../fills/types.ts';
import type { Candle, CandleSeries, Intent, MarketSnapshot, StrategyEngine } from '../types.ts';
import { TIMEFRAME_MS, isCandleSeries, seriesToCandles } from './candles.ts';
import { accountValue, closeOpenPositions } from './finalize.ts';
import { TradeLedger } from './ledger.ts';
import { buildReport } from './report.ts';
import type { BacktestReport, BacktestSettings } from './types.ts';

export interface BacktestRun extends BacktestReport {
  /** Pump detections and other non-order intents, in order. */
  alerts: Intent[];
}

/**
 * Runs any strategy engine over candles through its decide() — the generic path, the same call
 * the live runner makes. Per candle: resting orders fill against it (paper book), the equity is
 * marked at its close, then the engine decides with the closed candles; orders it places may
 * fill from the next candle on (docs/adr/0002-backtest-fill-rules.md).
 */
export function runBacktest<C, S>(engine: StrategyEngine<C, S>, rawConfig: unknown, input: Candle[] | CandleSeries, settings: BacktestSettings): BacktestRun {
  const config = engine.configSchema.parse(rawConfig);
  const candles = isCandleSeries(input) ? seriesToCandles(input) : input;
  const n = candles.length;
  const book = new PaperBook(settings.pair, settings.fees, { quote: settings.initialQuote, base: settings.initialBase ?? ZERO }, settings.fillRules);
  const ledger = new TradeLedger();
  const equity = new Float64Array(n);
  const time = new Float64Array(n);
  const closes = new Float64Array(n);
  const warmup = Math.max(1, engine.warmupCandles(config));
  const stepMs = TIMEFRAME_MS[settings.timeframe];
  const progressEvery = settings.progressEvery ?? Math.max(1, Math.floor(n / 100));
  let buys = 0;
  let sells = 0;
  let holds = 0;
  const alerts: Intent[] = [];
  let state = engine.initialState(config);
  let pending: PaperFill[] = [];
  let exposed = 0;
  // One snapshot and one candle window, updated in place: engines keep nothing of `market`
  // between calls (their state is plain JSON), and this saves allocations on every candle.
  const window: Candle[] = [];
  const market: MarketSnapshot = {
    time: 0, symbol: settings.pair.symbol, candles: window, price: 0, pair: settings.pair, fees: settings.fees,
    balances: book.freeBalances(), fills: pending, openOrderTags: [],
  };

  for (let i = 0; i < n; i++) {
    const candle = candles[i];
    const fills = book.processCandle(candle, i);
    if (fills.length) {
      for (const f of fills) ledger.record(f, i);
      for (const f of fills) pending.push(f);
    }
    time[i] = candle.time;
    closes[i] = candle.close;
    equity[i] = book.equityAt(candle.close);
    if (book.baseNum !== 0 || fills.length) exposed++;
    if (window.length === warmup) window.shift();
    window.push(candle);
    if (i + 1 >= warmup) {
      market.time = candle.time + stepMs;
      market.price = candle.close;
      market.balances = book.freeBalances();
      market.fills = pending;
      market.openOrderTags = book.openOrderTags();
      const extras = settings.feed?.(i, candle);
      market.signals = extras?.signals;
      market.books = extras?.books;
      market.universe = extras?.universe;
      pending = pending.length ? [] : pending;
      const result = engine.decide(state, market, config);
      state = result.state;
      const signal = result.decision.signal;
      if (signal === 'HOLD') holds++;
      else if (signal === 'BUY') buys++;
      else if (signal === 'SELL') sells++;
      else holds++;
      const intents = result.intents;
      for (let k = 0; k < intents.length; k++) applyIntent(intents[k], book, ledger, i, market.time, alerts, pending);
    }
    if (settings.onProgress && (i + 1) % progressEvery === 0) settings.onProgress({ done: i + 1, total: n });
  }

  if (n > 0) {
    for (const f of closeOpenPositions(book, candles[n - 1], settings.finalize ?? 'close')) ledger.record(f, n - 1);
    equity[n - 1] = book.equityAt(candles[n - 1].close);
  }
  settings.onProgress?.({ done: n, total: n });
  const firstPrice = n ? candles[0].close : 0;
  const initialBalance = accountValue(new PaperBook(settings.pair, settings.fees, { quote: settings.initialQuote, base: settings.initialBase ?? ZERO }), firstPrice);
  const report = buildReport({
    symbol: settings.pair.symbol, settings, trades: ledger.trades, equityCurve: { time, equity },
    initialBalance, finalBalance: n ? accountValue(book, candles[n - 1].close) : initialBalance,
    exposedBars: exposed, firstDecisionIndex: warmup - 1, closes, decisions: { buy: buys, sell: sells, hold: holds }, rejections: book.rejections,
  });
  return { ...report, alerts };
}

function applyIntent(intent: Intent, book: PaperBook, ledger: TradeLedger, index: number, time: number, alerts: Intent[], pending: PaperFill[]): void {
  switch (intent.kind) {
    case 'place_order':
      book.place(intent, index, time);
      return;
    case 'cancel_order':
      book.cancel(intent.tag);
      return;
    case 'paired_orders': {
      // Both legs take the quoted book levels at once (immediate-or-cancel against the snapshot).
      const leg = (side: 'buy' | 'sell', q: { price: typeof intent.buy.price; quantity: typeof intent.buy.quantity; venue: string }) => book.fillAt({
        kind: 'place_order', tag: `${intent.tag}:${side}`, side, type: 'market', quantity: q.quantity, positionTag: intent.tag,
        effect: side === 'buy' ? 'open' : 'close', closeReason: side === 'sell' ? 'TAKE_PROFIT' : undefined, reason: intent.reason,
      }, q.price, time);
      const buy = leg('buy', intent.buy);
      if (!buy) return;
      const sell = leg('sell', { venue: intent.sell.venue, price: intent.sell.price, quantity: buy.quantity });
      for (const f of [buy, sell]) if (f) { ledger.record(f, index); pending.push(f); }
      return;
    }
    default:
      alerts.push(intent);
  }
}
