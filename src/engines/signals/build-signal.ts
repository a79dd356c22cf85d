/**
 * Turns the parts read from any format into a checked ParsedSignal: decides the direction,
 * orders the prices, splits a zone, resolves a percentage stop, and rejects a stop or a
 * target on the wrong side of the entry. Shared by the text, TradingView and JSON parsers.
 */
import { Decimal } from '../../shared/money.ts';
import { type ParseOptions, type ParseResult, type ParsedSignal, DEFAULT_PARSE_OPTIONS, failParse } from './parsed-signal.ts';
import { fromSatoshis } from './read-numbers.ts';
import type { StopSpec } from './read-sections.ts';

export interface SignalDraft {
  symbol: string | null;
  quote: string | null;
  direction: 'long' | 'short' | null; // as written, if it was
  entries: Decimal[];
  entryType: ParsedSignal['entryType'];
  zone: boolean;
  targets: Decimal[];
  targetShares: Decimal[] | null;
  stop: StopSpec | null;
  leverage: number | null;
  marginMode: ParsedSignal['marginMode'];
  exchange: string | null;
  trailing: ParsedSignal['trailing'];
  notes: string[];
  /** False for strategy alerts, which exit by their own alert rather than by targets or a stop. */
  exitsRequired?: boolean;
}

const HINTS: Record<string, string> = {
  pair: "the full pair, e.g. 'BTC/USDT'",
  entry: "an entry price after 'Entry' or 'Buy', e.g. 'Entry: 100-110'",
  'targets or stop loss': "targets after 'Targets' or 'TP' and/or a stop after 'Stop', e.g. 'Targets: 120 130' and 'Stop: 90'",
  'stop loss': "a stop after 'Stop', e.g. 'Stop: 90'",
  direction: "LONG or SHORT (the prices did not tell)",
};

function missingFailure(missing: string[]): ParseResult {
  const what = missing.map((m) => HINTS[m] ?? m).join('; ');
  return failParse(`This is not a complete signal. Missing: ${what}.`, missing);
}

const fmt = (d: Decimal): string => d.toFixed();
const decimalsOf = (d: Decimal): number => Math.max(d.decimalPlaces(), 0);
const minOf = (xs: Decimal[]): Decimal => Decimal.min(...xs);
const maxOf = (xs: Decimal[]): Decimal => Decimal.max(...xs);
const mean = (xs: Decimal[]): Decimal => xs.reduce((a, b) => a.plus(b), new Decimal(0)).div(xs.length);

/** Prices on both sides tell the direction: targets above the entries (and a stop below) mean long. */
function inferDirection(entries: Decimal[], targets: Decimal[], stop: Decimal | null): 'long' | 'short' | null {
  if (entries.length === 0) {
    if (!stop || targets.length === 0) return null;
    if (targets.every((t) => t.gt(stop))) return 'long';
    if (targets.every((t) => t.lt(stop))) return 'short';
    return null;
  }
  const [lo, hi] = [minOf(entries), maxOf(entries)];
  let longOk = targets.every((t) => t.gt(lo)) && (!stop || stop.lt(lo));
  let shortOk = targets.every((t) => t.lt(hi)) && (!stop || stop.gt(hi));
  if (targets.length === 0 && !stop) longOk = shortOk = false;
  if (longOk && shortOk && targets.length > 0) return mean(targets).gt(mean(entries)) ? 'long' : mean(targets).lt(mean(entries)) ? 'short' : null;
  return longOk && !shortOk ? 'long' : shortOk && !longOk ? 'short' : null;
}

/** Evenly spaced entries across a zone, edges included, first-to-fill first. */
export function splitZone(low: Decimal, high: Decimal, count: number, direction: 'long' | 'short'): Decimal[] {
  if (count <= 1) return [low.plus(high).div(2)];
  const places = Math.max(decimalsOf(low), decimalsOf(high)) + 2;
  const step = high.minus(low).div(count - 1);
  const prices = Array.from({ length: count }, (_, i) => (i === count - 1 ? high : low.plus(step.times(i)).toDecimalPlaces(places)));
  return direction === 'long' ? prices.reverse() : prices;
}

function checkSides(direction: 'long' | 'short', entries: Decimal[], targets: Decimal[], stop: Decimal | null): string | null {
  const word = direction.toUpperCase();
  if (entries.length === 0) {
    const bad = stop && targets.find((t) => (direction === 'long' ? t.lte(stop) : t.gte(stop)));
    return bad ? `The target ${fmt(bad)} is on the wrong side of the stop ${fmt(stop!)} for a ${word} signal.` : null;
  }
  const edge = direction === 'long' ? minOf(entries) : maxOf(entries);
  if (stop && (direction === 'long' ? stop.gte(edge) : stop.lte(edge))) {
    const side = direction === 'long' ? 'below' : 'above';
    return `The stop loss ${fmt(stop)} is on the wrong side: a ${word} signal's stop must be ${side} its entry (${fmt(edge)}).`;
  }
  const bad = targets.find((t) => (direction === 'long' ? t.lte(edge) : t.gte(edge)));
  if (bad) {
    const side = direction === 'long' ? 'above' : 'below';
    return `The target ${fmt(bad)} is on the wrong side: a ${word} signal's targets must be ${side} its entry (${fmt(edge)}).`;
  }
  return null;
}

export function buildSignal(draft: SignalDraft, options: ParseOptions = {}): ParseResult {
  const opts = { ...DEFAULT_PARSE_OPTIONS, ...options };
  const notes = [...draft.notes];
  const missing: string[] = [];
  if (!draft.symbol) missing.push('pair');
  if (draft.entries.length === 0 && draft.entryType !== 'market') missing.push('entry');
  if (draft.targets.length === 0 && !draft.stop && draft.exitsRequired !== false) missing.push('targets or stop loss');
  else if (opts.requireStop && !draft.stop) missing.push('stop loss');
  if (missing.length) return missingFailure(missing);

  const quote = draft.quote ?? '';
  const entries = draft.entries.map((p) => fromSatoshis(p, quote));
  const targetPairs = draft.targets.map((t, i) => ({ price: fromSatoshis(t, quote), share: draft.targetShares?.[i] ?? null }));
  const targets = targetPairs.map((t) => t.price);
  let stop = draft.stop?.kind === 'price' ? fromSatoshis(draft.stop.price, quote) : null;

  const zero = [...entries, ...targets, ...(stop ? [stop] : [])].find((p) => !p.gt(0));
  if (zero) return failParse(`${zero.toFixed()} is not a price: prices must be more than 0.`, []);

  const direction = draft.direction ?? inferDirection(entries, targets, stop);
  if (!direction) {
    if (draft.stop?.kind === 'percent' && targets.length === 0) return missingFailure(['direction']);
    return failParse('Could not tell LONG from SHORT: the targets and the stop are not all on one side of the entry. Write LONG or SHORT, and check the prices.', ['direction']);
  }
  if (draft.stop?.kind === 'percent') {
    if (entries.length === 0) return failParse('The stop is a percentage but there is no entry price to measure it from.', ['entry']);
    const factor = new Decimal(1).plus(draft.stop.percent.div(100).times(direction === 'long' ? -1 : 1));
    stop = mean(entries).times(factor);
    notes.push(`stop set ${draft.stop.percent.toFixed()}% ${direction === 'long' ? 'below' : 'above'} the average entry`);
  }
  const sideError = checkSides(direction, entries, targets, stop);
  if (sideError) return failParse(sideError, []);

  // Cornix orders prices by direction: the first entry is the first to fill, TP1 the nearest
  // target. A limit long fills its highest entry first; a breakout above, its lowest.
  const byDirection = (a: Decimal, b: Decimal): number => (direction === 'long' ? b.cmp(a) : a.cmp(b));
  const breakout = draft.entryType === 'breakout_above' || draft.entryType === 'breakout_below';
  let sortedEntries = [...entries].sort((a, b) => (breakout ? -byDirection(a, b) : byDirection(a, b)));
  let entryZone: ParsedSignal['entryZone'] = null;
  if (draft.zone && entries.length === 2) {
    entryZone = { low: minOf(entries), high: maxOf(entries) };
    sortedEntries = splitZone(entryZone.low, entryZone.high, opts.zoneEntries, direction);
  }
  targetPairs.sort((a, b) => -byDirection(a.price, b.price));
  return {
    ok: true,
    signal: {
      symbol: draft.symbol!,
      direction,
      directionSource: draft.direction ? 'written' : 'inferred',
      entries: sortedEntries,
      entryType: draft.entryType,
      entryZone,
      targets: targetPairs.map((t) => t.price),
      targetSharesPct: readShares(targetPairs.map((t) => t.share), notes),
      stopLoss: stop,
      leverage: readLeverage(draft.leverage, notes),
      marginMode: draft.marginMode,
      exchange: draft.exchange,
      trailing: draft.trailing,
      notes,
    },
  };
}

function readShares(shares: (Decimal | null)[], notes: string[]): Decimal[] | null {
  const known = shares.filter((s): s is Decimal => s !== null);
  if (known.length === 0 || known.length !== shares.length) return null;
  const total = known.reduce((a, b) => a.plus(b), new Decimal(0));
  // "16.667%" six times is 100.002: accept half a percent of rounding in what people write.
  if (total.minus(100).abs().gt('0.5')) {
    notes.push(`the percentages next to the targets add up to ${total.toFixed()}%, not 100%; they were ignored`);
    return null;
  }
  return known;
}

function readLeverage(leverage: number | null, notes: string[]): number | null {
  if (leverage === null) return null;
  if (!(leverage >= 1 && leverage <= 1000)) {
    notes.push(`leverage ${leverage} is outside 1-1000x; it was ignored`);
    return null;
  }
  return leverage;
}
