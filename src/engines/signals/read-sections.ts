/**
 * Reads entries, targets, stop and leverage out of the keyword sections of a message.
 * Prices come out as written (order, raw units); sorting, satoshi notation and side checks
 * happen later, in buildSignal, where the direction is known.
 */
import type { Decimal } from '../../shared/money.ts';
import type { ParsedSignal } from './parsed-signal.ts';
import { readNumbers, type NumberToken } from './read-numbers.ts';
import type { Section } from './split-sections.ts';

export type StopSpec = { kind: 'price'; price: Decimal } | { kind: 'percent'; percent: Decimal };

export interface SignalParts {
  entries: Decimal[];
  entryType: ParsedSignal['entryType'];
  zone: boolean;
  targets: Decimal[];
  /** Allocation per target ("Target 1: 5.937 - 30%"), only when every target had one. */
  targetShares: Decimal[] | null;
  stop: StopSpec | null;
  leverage: number | null;
  marginMode: 'cross' | 'isolated' | null;
  exchange: string | null;
  /** "Buy: TOMO/USDT" / "SELL : SOL/USDT": a buy/sell keyword followed by no price names the direction. */
  directionHints: ('long' | 'short')[];
  notes: string[];
}

/**
 * Keeps the lines of a section that carry prices: lines before the first price are skipped
 * ("Targets in USDT:" and an empty line), and the first line after it without a price ends
 * the section (a "🌙" target, a disclaimer, a signature).
 */
function priceLines(body: string): NumberToken[][] {
  const lines: NumberToken[][] = [];
  if (!isNearKeyword(body)) return lines;
  for (const line of body.split('\n')) {
    const tokens = readNumbers(line);
    const hasPrice = tokens.some((t) => t.kind === 'price');
    if (!hasPrice && lines.length > 0) break;
    if (hasPrice || tokens.some((t) => t.kind === 'percent')) lines.push(tokens);
  }
  return lines;
}

/**
 * A keyword in prose ("…made us 300% on our last entry and it has now retested…") is not a
 * section: at most four words may stand between a keyword and its first number
 * ("Targets in USDT: 1) 0.2", "STOP LOSS: Below 3.10", "Entry Price (USDT): 0.2").
 */
function isNearKeyword(body: string): boolean {
  const first = body.search(/\d/);
  const lead = first < 0 ? body : body.slice(0, first);
  return (lead.match(/\p{L}{2,}/gu) ?? []).length <= 4;
}

/**
 * "Target 1: 5.82", "TP #2: 0.34", "TP1 29330", "Entry 2: 90": a small number right after a
 * singular keyword is the list position, not a price. "TP41.3100" (a lost space) is TP4 at
 * 1.31 when targets so far were numbered and 4 is the next number.
 */
function stripListPosition(body: string, keyword: string, expected: number, numbered: boolean): { body: string; stripped: boolean } {
  const singular = /^(tp|target|take[\s-]*profit|entry|sell)$/i.test(keyword.trim());
  if (!singular) return { body, stripped: false };
  const marked = body.match(/^\s*#?\s*(\d{1,2})\s*(?::|\)|\.(?!\d))/) ?? body.match(/^\s*#?\s*(\d{1,2})\s+(?=\d)/);
  if (marked) return { body: body.slice(marked[0].length), stripped: true };
  const next = String(expected);
  if (numbered && /^tp$/i.test(keyword) && body.startsWith(next) && /^\d+\.\d/.test(body.slice(next.length))) {
    return { body: body.slice(next.length), stripped: true };
  }
  return { body, stripped: false };
}

function readLeverage(body: string): { leverage: number | null; marginMode: SignalParts['marginMode'] } {
  const marginMode = /cross/i.test(body) ? 'cross' : /isolated/i.test(body) ? 'isolated' : null;
  // "5-10x" / "5x-10x": a range; we take its upper end, as the channels' own parsers do.
  const range = body.match(/(\d+(?:\.\d+)?)\s*[xX\u0445]?\s*-\s*(\d+(?:\.\d+)?)\s*[xX\u0445]/);
  if (range) return { leverage: Math.max(Number(range[1]), Number(range[2])), marginMode };
  const single = body.match(/(\d+(?:\.\d+)?)/);
  return { leverage: single ? Number(single[1]) : null, marginMode };
}

/** Leverage written on the pair's line without a keyword: "#BTCDOM/USDT | Long, x20", "$ETH/USDT (5-10x)". */
export function readHeaderLeverage(line: string): number | null {
  const range = line.match(/\(?\s*(\d{1,3})\s*[xX\u0445]?\s*-\s*(\d{1,3})\s*[xX\u0445]\s*\)?/);
  if (range) return Math.max(Number(range[1]), Number(range[2]));
  const m = line.match(/(?<![A-Za-z0-9])[xX\u0445](\d{1,3})(?![\d.])/) ?? line.match(/(?<![\d.])(\d{1,3})[xX\u0445](?![A-Za-z\d])/);
  return m ? Number(m[1]) : null;
}

function readStop(body: string, notes: string[]): StopSpec | null | undefined {
  const lines = priceLines(body);
  const flat = lines.flat();
  // "5-10%", "SL - 25-30%": a band of percentages is advice, not a level we can place.
  if (/^[\s:=]*-?\s*\d{1,2}\s*-\s*\d{1,3}\s*%/.test(body)) {
    notes.push('the stop was written as a range of percentages; no stop price was set');
    return null;
  }
  const price = flat.find((t) => t.kind === 'price');
  if (price) return { kind: 'price', price: price.value };
  const percents = flat.filter((t) => t.kind === 'percent');
  if (percents.length === 1) return { kind: 'percent', percent: percents[0].value };
  return undefined; // nothing usable here; a later stop section may have it
}

export function readSections(sections: Section[], pairText: string): SignalParts {
  const parts: SignalParts = {
    entries: [], entryType: 'limit', zone: false, targets: [], targetShares: null, stop: null,
    leverage: null, marginMode: null, exchange: null, directionHints: [], notes: [],
  };
  const shares: (Decimal | null)[] = [];
  let numbered = false;
  let stopSeen = false;
  for (const section of sections) {
    const rawBody = pairText ? section.body.split(pairText).join(' ') : section.body;
    const kw = section.keyword.toLowerCase();
    if (section.role === 'leverage' && parts.leverage === null) Object.assign(parts, readLeverage(rawBody.split('\n')[0]));
    if (section.role === 'exchange' && !parts.exchange) parts.exchange = rawBody.split('\n')[0].replace(/^[\s:=-]+/, '').trim() || null;
    if (section.role === 'stop' && !stopSeen) {
      const stop = readStop(rawBody, parts.notes);
      if (stop !== undefined) [parts.stop, stopSeen] = [stop, true];
    }
    if (section.role !== 'entry' && section.role !== 'targets') continue;
    const expected = (section.role === 'entry' ? parts.entries.length : parts.targets.length) + 1;
    const { body, stripped } = stripListPosition(rawBody, kw, expected, numbered);
    numbered ||= stripped && section.role === 'targets';
    const tokens = priceLines(body).flat();
    const prices = tokens.filter((t) => t.kind === 'price').map((t) => t.value);
    if (prices.length === 0) {
      if (/^buy/.test(kw) || /^sell$/.test(kw)) parts.directionHints.push(kw.startsWith('buy') ? 'long' : 'short');
      if (section.role === 'entry' && /\b(market|cmp|now)\b/i.test(rawBody)) parts.entryType = 'market';
      continue;
    }
    if (section.role === 'entry') {
      parts.entries.push(...prices);
      if (/zone|range|area|between/.test(kw) || /\bzone\b/i.test(body)) parts.zone = true;
      if (/above/.test(kw)) parts.entryType = 'breakout_above';
      if (/below/.test(kw)) parts.entryType = 'breakout_below';
    } else {
      parts.targets.push(...prices);
      tokens.forEach((t, i) => {
        if (t.kind !== 'price') return;
        const next = tokens[i + 1];
        shares.push(next?.kind === 'percent' ? next.value : null);
      });
    }
  }
  if (shares.length > 0 && shares.every((s) => s !== null)) parts.targetShares = shares as Decimal[];
  return parts;
}
