import type { DecideResult, Decision, ExternalSignal, Fill, Intent, MarketSnapshot, StrategyEngine } from '../../types.ts';
import { signalConfigSchema, type SignalConfig } from './config.ts';
import { applyTradeFills, checkTrade, exitTrade, openTrade, type SignalTrade } from './trade.ts';

export interface SignalState {
  seq: number;
  trades: SignalTrade[];
  /** Recently seen signal ids, so a signal delivered twice is followed once. */
  seen: string[];
  finished: number;
  lastOutcome: string | null;
}

const SEEN_LIMIT = 500;

/**
 * The `signal` bot type: follows external signals for its symbol (market.signals) — entries as
 * limit orders split evenly (or one market order, or a breakout watched on candles), the
 * position split across the targets in the configured mode, the stop watched on closed candles
 * and trailed as configured. Several signals may run at once, up to maxOpenTrades.
 */
export const signalEngine: StrategyEngine<SignalConfig, SignalState> = {
  type: 'signal',
  configSchema: signalConfigSchema,
  warmupCandles: () => 1,
  initialState: () => ({ seq: 0, trades: [], seen: [], finished: 0, lastOutcome: null }),
  decide: (s, market, c) => decideSignals(s, market, c),
};

function decideSignals(s: SignalState, market: MarketSnapshot, c: SignalConfig): DecideResult<SignalState> {
  const intents: Intent[] = [];
  const bySeq = market.fills.length ? groupByTrade(market.fills) : null;
  for (const t of s.trades) {
    const fills = bySeq?.get(t.seq);
    if (fills) intents.push(...applyTradeFills(t, fills, market, c));
    // A refused close leaves the trade open; the stop check will try again.
    if (t.status === 'closing' && !fills && !market.openOrderTags.includes(`s${t.seq}:close`)) t.status = 'open';
  }
  const last = market.candles[market.candles.length - 1];
  for (const t of s.trades) intents.push(...checkTrade(t, last, market, c));
  const notes: string[] = [];
  let opened: SignalTrade | null = null;
  for (const signal of market.signals ?? []) {
    if (signal.symbol !== market.symbol || s.seen.includes(signal.id)) continue;
    s.seen.push(signal.id);
    if (signal.kind === 'exit') {
      const closed = s.trades.filter((t) => t.direction === signal.direction && (t.status === 'open' || t.status === 'pending'));
      for (const t of closed) intents.push(...exitTrade(t, signal.id, market));
      notes.push(closed.length ? `exit signal ${signal.id}: closing ${closed.length} ${signal.direction} trade(s)` : `exit signal ${signal.id}: no open ${signal.direction} trade`);
      continue;
    }
    const refusal = refuse(signal, s, market, c);
    if (refusal) { notes.push(`signal ${signal.id} ignored: ${refusal}`); continue; }
    const r = openTrade(++s.seq, signal, market, c);
    intents.push(...r.intents);
    if (r.trade.status !== 'done') { s.trades.push(r.trade); opened = r.trade; }
    else notes.push(`signal ${signal.id} ignored: entry below the venue minimum`);
  }
  if (s.seen.length > SEEN_LIMIT) s.seen.splice(0, s.seen.length - SEEN_LIMIT);
  for (const t of s.trades) if (t.status === 'done') { s.finished++; s.lastOutcome = `signal ${t.signalId}: ${t.outcome}`; notes.push(s.lastOutcome); }
  s.trades = s.trades.filter((t) => t.status !== 'done');
  return { intents, state: s, decision: describe(s, market, opened, intents, notes) };
}

/** Why a signal is not followed, or null: wrong direction for the venue, a stop on the wrong side, too many trades. */
function refuse(signal: ExternalSignal, s: SignalState, market: MarketSnapshot, c: SignalConfig): string | null {
  if (signal.direction === 'short' && !c.allowShort) return 'short signals need allowShort';
  if (s.trades.length >= c.maxOpenTrades) return `already ${c.maxOpenTrades} open trades`;
  if (signal.stopLoss) {
    const entries = signal.entries.length ? signal.entries.map(Number) : [market.price];
    const wrongSide = signal.direction === 'long' ? signal.stopLoss.toNumber() >= Math.min(...entries) : signal.stopLoss.toNumber() <= Math.max(...entries);
    if (wrongSide) return 'stop on the wrong side of the entry';
  }
  return null;
}

function groupByTrade(fills: readonly Fill[]): Map<number, Fill[]> {
  const map = new Map<number, Fill[]>();
  for (const f of fills) {
    if (f.tag[0] !== 's') continue;
    const seq = Number(f.tag.slice(1, f.tag.indexOf(':')));
    const list = map.get(seq);
    if (list) list.push(f);
    else map.set(seq, [f]);
  }
  return map;
}

function describe(s: SignalState, market: MarketSnapshot, opened: SignalTrade | null, intents: Intent[], notes: string[]): Decision {
  const indicators = { openTrades: s.trades.filter((t) => t.status === 'open').length, pendingTrades: s.trades.filter((t) => t.status === 'pending').length, finishedTrades: s.finished };
  if (opened) {
    const buy = opened.direction === 'long';
    return { signal: buy ? 'BUY' : 'SELL', confidence: 100, reason: `following signal ${opened.signalId} (${opened.direction})`, price: market.price, indicators };
  }
  const closing = intents.find((i) => i.kind === 'place_order' && (i.closeReason === 'STOP_LOSS' || i.closeReason === 'SIGNAL'));
  if (closing && closing.kind === 'place_order') return { signal: closing.side === 'sell' ? 'SELL' : 'BUY', confidence: 100, reason: closing.reason, price: market.price, indicators };
  return { signal: 'HOLD', confidence: 0, reason: notes.length ? notes.join('; ') : s.trades.length ? 'managing open signals' : 'waiting for signals', price: market.price, indicators };
}
