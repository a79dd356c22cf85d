/**
 * Tells a new signal from the lifecycle replies channels post about earlier ones ("#DOT/USDT
 * Take-Profit target 2 ✅", "Closed at stoploss after reaching take profit", "Cancelled ❌"),
 * so a follower opens trades only on new signals.
 *
 * A message with entries, targets and a stop is a new signal whatever else it says; otherwise
 * the first lifecycle phrase found decides, in this order: cancelled, stop, closed, entry filled
 * (before targets: "All entry targets achieved" is about entries), target.
 */
import { Decimal } from '../../shared/money.ts';
import { findPair } from './find-pair.ts';
import { normalizeSignalText } from './normalize-text.ts';
import type { ParseOptions, ParseResult, ParsedSignal } from './parsed-signal.ts';
import { parseTextSignal } from './parse-text-signal.ts';

export type MessageKind = 'new_signal' | 'entry_filled' | 'target_hit' | 'stop_hit' | 'closed' | 'cancelled' | 'other';

export interface MessageClassification {
  kind: MessageKind;
  /** The pair the message is about, when it names one. */
  symbol: string | null;
  /** Highest target number mentioned in a target_hit message ("Take-Profit target 3" → 3). */
  targetIndex: number | null;
  /** "All take-profit targets achieved". */
  allTargets: boolean;
  /** A stop_hit that came after a take profit ("Closed at stoploss after reaching take profit"). */
  afterTakeProfit: boolean;
  /** Profit or loss percentage stated in the message ("Profit: 69.82%"). */
  percent: Decimal | null;
  /** The parsed signal when kind is new_signal. */
  signal: ParsedSignal | null;
  /** The text parse, so a caller can show why an 'other' message was not a signal. */
  parse: ParseResult;
}

const PATTERNS: [Exclude<MessageKind, 'new_signal' | 'other'>, RegExp][] = [
  ['cancelled', /\bcancel+ed\b|\bsignal\s+(?:is\s+)?(?:void|invalidated)\b/i],
  ['stop_hit', /closed\s+at\s+stop[\s-]*loss|stop[\s-]*loss\s+(?:was\s+)?(?:hit|triggered|reached|executed)|\bsl\s+(?:was\s+)?(?:hit|triggered|reached)|stopped\s+out|\bhit\s+(?:the\s+|our\s+)?(?:stop|sl)\b|\bstop\s+(?:target\s+)?hit\b/i],
  ['closed', /closed\s+due\s+to\s+opposite|opposite\s+(?:direction\s+)?signal|\bclosed?\s+(?:manually|in\s+(?:profit|loss)|at\s+market|(?:the\s+)?(?:trade|position))\b|\btrade\s+closed\b/i],
  ['entry_filled', /all\s+entry\s+targets?\s+(?:achieved|filled|hit|reached)|entered\s+(?:the\s+)?entry\s+zone|\bentry\s*(?:#?\d+\s*)?(?:was\s+)?(?:filled|achieved|triggered|reached)\b|average\s+entry\s+price/i],
  ['target_hit', /take[\s-]*profit\s+target\s+\d|\ball\s+(?:take[\s-]*profit\s+)?targets?\s+(?:achieved|hit|done|reached|completed)|\b(?:target|tp)\s*#?\s*\d+\s+(?:hit|reached|achieved|done|smashed)\b|\btargets?\s+(?:hit|reached|achieved|done|destroyed|smashed|blown)|\d\s*\u2705|\bprofit\s*:\s*\d|\d%\s*profit\b/i],
];

function highestTargetNumber(text: string): number | null {
  const numbers = [...text.matchAll(/\b(?:target|tp)\s*#?\s*(\d{1,2})\b/gi)].map((m) => Number(m[1]));
  return numbers.length ? Math.max(...numbers) : null;
}

function statedPercent(text: string): Decimal | null {
  const m = text.match(/(?:profit|loss)\s*:?\s*([-+]?\d+(?:\.\d+)?)\s*%/i) ?? text.match(/([-+]?\d+(?:\.\d+)?)\s*%\s*(?:profit|loss)/i);
  return m ? new Decimal(m[1]) : null;
}

export function classifySignalMessage(raw: string, options: ParseOptions = {}): MessageClassification {
  const parse = parseTextSignal(raw, options);
  const text = normalizeSignalText(raw);
  const base = {
    symbol: findPair(text, null)?.symbol ?? (parse.ok ? parse.signal.symbol : null),
    targetIndex: null,
    allTargets: false,
    afterTakeProfit: false,
    percent: null,
    signal: null,
    parse,
  };
  const complete = parse.ok && parse.signal.entries.length > 0 && parse.signal.targets.length > 0 && parse.signal.stopLoss !== null;
  if (complete) return { ...base, kind: 'new_signal', signal: parse.signal };

  // ✅ is matched on the raw text: normalization removes pictographs.
  const found = PATTERNS.find(([, re]) => re.test(text) || re.test(raw));
  if (found) {
    const [kind] = found;
    return {
      ...base,
      kind,
      targetIndex: kind === 'target_hit' ? highestTargetNumber(text) : null,
      allTargets: kind === 'target_hit' && /\ball\s+(?:[\w-]+\s+){0,2}targets?\b/i.test(text),
      afterTakeProfit: kind === 'stop_hit' && /after\s+(?:reaching\s+)?(?:a\s+|the\s+)?(?:take[\s-]*profit|tp|target)/i.test(text),
      percent: statedPercent(text),
    };
  }
  if (parse.ok) return { ...base, kind: 'new_signal', signal: parse.signal };
  return { ...base, kind: 'other' };
}
