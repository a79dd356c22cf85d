import { Decimal } from '../../shared/money.ts';
import { roundQuantity } from '../fills/rounding.ts';
import type { CloseReason, Fill, Intent, PairRules } from '../types.ts';
import { allHold, type CompiledCondition } from './rules.ts';

/**
 * What a built strategy does on each closed bar, shared by decide() and the backtester's fast
 * path so both give the same trades. Order of checks for an open position: stop loss (the
 * adverse extreme comes first), take profit, exit rules, then an opposite entry (close and
 * reverse). A flat strategy opens the first side whose entry rules and trend filters all hold.
 * Orders are market orders (filled at the next open); stops and targets are watched here on
 * closed candles, not rested on the venue.
 */
export type Side = 'long' | 'short';

export interface StopSpec {
  percent: number | null;
  atrMultiplier: number | null;
  /** Slot holding the ATR for ATR stops. */
  atrSlot: number;
  trailing: boolean;
}

export interface SideRules {
  entry: CompiledCondition[];
  exit: CompiledCondition[];
  trend: CompiledCondition[];
  takeProfitPercent: number | null;
  stop: StopSpec | null;
}

export interface PositionState {
  n: number;
  side: Side;
  status: 'opening' | 'open';
  quantity: string | null;
  entryPrice: number | null;
  stop: number | null;
  takeProfit: number | null;
  extreme: number | null;
  stopDistance: number | null;
  atrAtSignal: number | null;
}

export interface PolicyState {
  seq: number;
  position: PositionState | null;
  /** Tag of a close order in flight for a position that has already been replaced or is being closed. */
  closingTag: string | null;
}

export type Action = { type: 'open'; side: Side; n: number; reason: string } | { type: 'close'; position: PositionState; reason: CloseReason; why: string };

export interface Bar {
  high: number;
  low: number;
  close: number;
}

export function initialPolicyState(): PolicyState {
  return { seq: 0, position: null, closingTag: null };
}

const openTag = (n: number) => `pos-${n}:open`;
const closeTag = (n: number) => `pos-${n}:close`;

/** Applies this bar's fills (matched by tag) and notices orders that vanished without a fill (rejected). */
export function applyFills(s: PolicyState, fills: readonly Fill[], openTags: readonly string[], rules: Record<Side, SideRules>): void {
  const p = s.position;
  for (const f of fills) {
    if (p && f.tag === openTag(p.n)) {
      p.status = 'open';
      p.quantity = f.quantity.toFixed();
      p.entryPrice = f.price.toNumber();
      placeStops(p, rules[p.side]);
    } else if (f.tag === s.closingTag) {
      s.closingTag = null;
    }
  }
  if (s.position?.status === 'opening' && !openTags.includes(openTag(s.position.n)) && !fills.some((f) => f.tag === openTag(s.position!.n))) {
    s.position = null;
  }
  if (s.closingTag && !openTags.includes(s.closingTag) && !fills.some((f) => f.tag === s.closingTag)) s.closingTag = null;
}

function placeStops(p: PositionState, rules: SideRules): void {
  const entry = p.entryPrice as number;
  const dir = p.side === 'long' ? 1 : -1;
  p.extreme = entry;
  if (rules.stop) {
    const distance = rules.stop.percent !== null ? entry * (rules.stop.percent / 100) : (rules.stop.atrMultiplier as number) * (p.atrAtSignal ?? Number.NaN);
    p.stopDistance = Number.isFinite(distance) ? distance : null;
    p.stop = p.stopDistance === null ? null : entry - dir * p.stopDistance;
  }
  if (rules.takeProfitPercent !== null) p.takeProfit = entry * (1 + dir * (rules.takeProfitPercent / 100));
}

function enters(r: SideRules, cur: ArrayLike<number>, prev: ArrayLike<number>): boolean {
  return allHold(r.entry, cur, prev, false) && allHold(r.trend, cur, prev, true);
}

/** Decides this bar's actions and advances trailing stops; mutates the state. */
export function planBar(s: PolicyState, rules: Record<Side, SideRules>, cur: ArrayLike<number>, prev: ArrayLike<number>, bar: Bar): Action[] | null {
  const p = s.position;
  if (p && p.status === 'open') {
    const long = p.side === 'long';
    const r = rules[p.side];
    let close: Action | null = null;
    if (p.stop !== null && (long ? bar.low <= p.stop : bar.high >= p.stop)) close = { type: 'close', position: p, reason: 'STOP_LOSS', why: 'stop loss reached' };
    else if (p.takeProfit !== null && (long ? bar.high >= p.takeProfit : bar.low <= p.takeProfit)) close = { type: 'close', position: p, reason: 'TAKE_PROFIT', why: 'take profit reached' };
    else if (allHold(r.exit, cur, prev, false)) close = { type: 'close', position: p, reason: 'SIGNAL', why: `exit: ${r.exit.map((c) => c.label).join(' and ')}` };
    if (close) return finishClose(s, close);
    const other: Side = long ? 'short' : 'long';
    if (enters(rules[other], cur, prev)) {
      const actions = finishClose(s, { type: 'close', position: p, reason: 'SIGNAL', why: `reverse to ${other}` });
      return actions.concat(open(s, other, rules[other], cur));
    }
    if (r.stop?.trailing && p.stopDistance !== null) {
      p.extreme = long ? Math.max(p.extreme as number, bar.high) : Math.min(p.extreme as number, bar.low);
      const trailed = (p.extreme as number) - (long ? 1 : -1) * p.stopDistance;
      p.stop = long ? Math.max(p.stop as number, trailed) : Math.min(p.stop as number, trailed);
    }
    return null;
  }
  if (p) return null; // the entry order is still in flight
  if (enters(rules.long, cur, prev)) return open(s, 'long', rules.long, cur);
  if (enters(rules.short, cur, prev)) return open(s, 'short', rules.short, cur);
  return null;
}

function finishClose(s: PolicyState, action: Extract<Action, { type: 'close' }>): Action[] {
  s.closingTag = closeTag(action.position.n);
  s.position = null;
  return [action];
}

function open(s: PolicyState, side: Side, r: SideRules, cur: ArrayLike<number>): Action[] {
  const n = ++s.seq;
  const atr = r.stop && r.stop.atrMultiplier !== null ? cur[r.stop.atrSlot] : null;
  s.position = { n, side, status: 'opening', quantity: null, entryPrice: null, stop: null, takeProfit: null, extreme: null, stopDistance: null, atrAtSignal: atr !== null && Number.isFinite(atr) ? atr : null };
  return [{ type: 'open', side, n, reason: `entry ${side}: ${r.entry.map((c) => c.label).join(' and ')}` }];
}

export type Sizing = { mode: 'equity_fraction'; fraction: string } | { mode: 'quote'; amount: string };

/** Orders for the actions: market orders; entries sized by equity fraction at the fill, or by a quote amount at this close. */
export function actionsToIntents(actions: readonly Action[], sizing: Sizing, price: number, freeQuote: Decimal, pair: PairRules): Intent[] {
  return actions.map((a): Intent => {
    if (a.type === 'close') {
      return {
        kind: 'place_order', tag: closeTag(a.position.n), side: a.position.side === 'long' ? 'sell' : 'buy', type: 'market',
        quantity: new Decimal(a.position.quantity ?? 0), positionTag: `pos-${a.position.n}`, effect: 'close', closeReason: a.reason, reason: a.why,
      };
    }
    const quantity = sizing.mode === 'quote'
      ? roundQuantity(new Decimal(sizing.amount).div(price), pair)
      : roundQuantity(new Decimal(Math.max(0, freeQuote.toNumber() * Number(sizing.fraction) / price)), pair);
    return {
      kind: 'place_order', tag: openTag(a.n), side: a.side === 'long' ? 'buy' : 'sell', type: 'market', quantity,
      positionTag: `pos-${a.n}`, effect: 'open', reason: a.reason,
      ...(sizing.mode === 'equity_fraction' ? { equityFraction: new Decimal(sizing.fraction) } : {}),
    };
  });
}
