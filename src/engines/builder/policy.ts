import { Decimal } from '../../shared/money.ts';
import { fromUnits, lanes, plainText } from '../fills/fixed-point.ts';
import { decimalToNumber, roundQuantity } from '../fills/rounding.ts';
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

/** The rules' verdicts for one bar: entry rules and trend filters of a side, and its exit rules. */
export interface BarSignals {
  enterLong: boolean;
  enterShort: boolean;
  exitLong: boolean;
  exitShort: boolean;
  /** ATR at this bar per side, for ATR stops (NaN when not used or not ready). */
  atrLong: number;
  atrShort: number;
}

/** Evaluates every rule on the last two bars' slot values (the decide() path; the fast path reads precomputed arrays). */
export function evaluateSignals(rules: Record<Side, SideRules>, cur: ArrayLike<number>, prev: ArrayLike<number>, out: BarSignals): BarSignals {
  out.enterLong = enters(rules.long, cur, prev);
  out.enterShort = enters(rules.short, cur, prev);
  out.exitLong = allHold(rules.long.exit, cur, prev, false);
  out.exitShort = allHold(rules.short.exit, cur, prev, false);
  out.atrLong = rules.long.stop && rules.long.stop.atrSlot >= 0 ? cur[rules.long.stop.atrSlot] : Number.NaN;
  out.atrShort = rules.short.stop && rules.short.stop.atrSlot >= 0 ? cur[rules.short.stop.atrSlot] : Number.NaN;
  return out;
}

export function emptySignals(): BarSignals {
  return { enterLong: false, enterShort: false, exitLong: false, exitShort: false, atrLong: Number.NaN, atrShort: Number.NaN };
}

export function initialPolicyState(): PolicyState {
  return { seq: 0, position: null, closingTag: null };
}

const openTag = (n: number) => `pos-${n}:open`;
const closeTag = (n: number) => `pos-${n}:close`;

/** Applies this bar's fills (matched by tag) and notices orders that vanished without a fill (rejected). */
export function applyFills(s: PolicyState, fills: readonly Fill[], openTags: readonly string[], rules: Record<Side, SideRules>): void {
  const p = s.position;
  const entryTag = p ? openTag(p.n) : null;
  let entryFilled = false;
  let closeFilled = false;
  for (const f of fills) {
    if (p && f.tag === entryTag) {
      entryFilled = true;
      p.status = 'open';
      p.quantity = plainText(f.quantity);
      lastFilled = { position: p, text: p.quantity, value: f.quantity };
      p.entryPrice = decimalToNumber(f.price);
      placeStops(p, rules[p.side]);
    } else if (f.tag === s.closingTag) {
      closeFilled = true;
      s.closingTag = null;
    }
  }
  if (p && s.position === p && p.status === 'opening' && !entryFilled && !openTags.includes(entryTag as string)) s.position = null;
  if (s.closingTag && !closeFilled && !openTags.includes(s.closingTag)) s.closingTag = null;
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

/**
 * Whether planBar could do anything on this bar. The fast path skips the call when not — it
 * would return null without touching the state — so keep the two in step.
 */
export function needsPlan(s: PolicyState, rules: Record<Side, SideRules>, sig: BarSignals): boolean {
  const p = s.position;
  if (!p) return sig.enterLong || sig.enterShort;
  if (p.status !== 'open') return false;
  const long = p.side === 'long';
  return p.stop !== null || p.takeProfit !== null || (long ? sig.exitLong || sig.enterShort : sig.exitShort || sig.enterLong) || rules[p.side].stop?.trailing === true;
}

/** Decides this bar's actions and advances trailing stops; mutates the state. */
export function planBar(s: PolicyState, rules: Record<Side, SideRules>, sig: BarSignals, bar: Bar): Action[] | null {
  const p = s.position;
  if (p && p.status === 'open') {
    const long = p.side === 'long';
    const r = rules[p.side];
    let close: Action | null = null;
    // Entries fill at the open, so the whole bar counts against the stop and the target.
    if (p.stop !== null && (long ? bar.low <= p.stop : bar.high >= p.stop)) close = { type: 'close', position: p, reason: 'STOP_LOSS', why: 'stop loss reached' };
    else if (p.takeProfit !== null && (long ? bar.high >= p.takeProfit : bar.low <= p.takeProfit)) close = { type: 'close', position: p, reason: 'TAKE_PROFIT', why: 'take profit reached' };
    else if (long ? sig.exitLong : sig.exitShort) close = { type: 'close', position: p, reason: 'SIGNAL', why: reasonFor(r, 'exit') };
    if (close) return finishClose(s, close);
    const other: Side = long ? 'short' : 'long';
    if (long ? sig.enterShort : sig.enterLong) {
      const actions = finishClose(s, { type: 'close', position: p, reason: 'SIGNAL', why: `reverse to ${other}` });
      return actions.concat(open(s, other, rules[other], long ? sig.atrShort : sig.atrLong));
    }
    if (r.stop?.trailing && p.stopDistance !== null) {
      p.extreme = long ? Math.max(p.extreme as number, bar.high) : Math.min(p.extreme as number, bar.low);
      const trailed = (p.extreme as number) - (long ? 1 : -1) * p.stopDistance;
      p.stop = long ? Math.max(p.stop as number, trailed) : Math.min(p.stop as number, trailed);
    }
    return null;
  }
  if (p) return null; // the entry order is still in flight
  if (sig.enterLong) return open(s, 'long', rules.long, sig.atrLong);
  if (sig.enterShort) return open(s, 'short', rules.short, sig.atrShort);
  return null;
}

// Reasons depend only on the rules: built once per rule set, not per trade (the SMA-cross benchmark opens 18,750 times).
const reasons = new WeakMap<SideRules, { exit?: string; long?: string; short?: string }>();

function reasonFor(r: SideRules, kind: 'exit' | Side): string {
  let known = reasons.get(r);
  if (!known) reasons.set(r, (known = {}));
  return (known[kind] ??= kind === 'exit' ? `exit: ${r.exit.map((c) => c.label).join(' and ')}` : `entry ${kind}: ${r.entry.map((c) => c.label).join(' and ')}`);
}

/**
 * The Decimal of the last entry fill, with the position state that holds its quantity as text,
 * so closing that position does not parse the text again (~1 µs); only while the state object
 * and its text are the ones we saw (a state rebuilt from JSON parses as before).
 */
let lastFilled: { position: PositionState; text: string; value: Decimal } | null = null;

function positionQuantity(p: PositionState): Decimal {
  return lastFilled !== null && lastFilled.position === p && lastFilled.text === p.quantity ? lastFilled.value : new Decimal(p.quantity ?? 0);
}

/** new Decimal(units / 10^decimals) for the float estimate below, without printing the float: below 2^52 units its shortest form is exactly units × 10^−decimals. */
function estimateQuantity(units: number, decimals: number): Decimal {
  return lanes.exact && units < 2 ** 52 && decimals <= 22 ? fromUnits(BigInt(units), decimals) : new Decimal(units / 10 ** decimals);
}

function finishClose(s: PolicyState, action: Extract<Action, { type: 'close' }>): Action[] {
  s.closingTag = closeTag(action.position.n);
  s.position = null;
  return [action];
}

function open(s: PolicyState, side: Side, r: SideRules, atr: number): Action[] {
  const n = ++s.seq;
  s.position = { n, side, status: 'opening', quantity: null, entryPrice: null, stop: null, takeProfit: null, extreme: null, stopDistance: null, atrAtSignal: Number.isFinite(atr) ? atr : null };
  return [{ type: 'open', side, n, reason: reasonFor(r, side) }];
}

export type Sizing = { mode: 'equity_fraction'; fraction: string } | { mode: 'quote'; amount: string };

/** Orders for the actions: market orders; entries sized by equity fraction at the fill, or by a quote amount at this close. */
const fractions = new Map<string, Decimal>();

export function actionsToIntents(actions: readonly Action[], sizing: Sizing, price: number, freeQuote: Decimal, pair: PairRules): Intent[] {
  return actions.map((a): Intent => {
    if (a.type === 'close') {
      return {
        kind: 'place_order', tag: closeTag(a.position.n), side: a.position.side === 'long' ? 'sell' : 'buy', type: 'market',
        quantity: positionQuantity(a.position), positionTag: `pos-${a.position.n}`, effect: 'close', closeReason: a.reason, reason: a.why,
      };
    }
    const scale = 10 ** pair.quantityPrecision;
    const quantity = sizing.mode === 'quote'
      ? roundQuantity(new Decimal(sizing.amount).div(price), pair)
      // An estimate only: the fill re-sizes from the equity at the fill price.
      : estimateQuantity(Math.floor(Math.max(0, (decimalToNumber(freeQuote) * Number(sizing.fraction)) / price) * scale), pair.quantityPrecision);
    let fraction: Decimal | undefined;
    if (sizing.mode === 'equity_fraction') {
      fraction = fractions.get(sizing.fraction);
      if (!fraction) fractions.set(sizing.fraction, (fraction = new Decimal(sizing.fraction)));
    }
    const order: Intent = {
      kind: 'place_order', tag: openTag(a.n), side: a.side === 'long' ? 'buy' : 'sell', type: 'market', quantity,
      positionTag: `pos-${a.n}`, effect: 'open', reason: a.reason,
    };
    if (fraction) order.equityFraction = fraction;
    return order;
  });
}
