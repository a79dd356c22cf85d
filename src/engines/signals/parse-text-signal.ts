/**
 * Parses a free-text signal in the Cornix style (see docs/signal-formats.md):
 *
 *   BTC/USDT LONG            pair (BTCUSDT, #BTC/USDT, BTC-USDT too); direction optional
 *   Leverage: Cross 20x      optional (Lev, Isolated, 5-10x)
 *   Entry: 100-110           two entries; "Entry zone: 100-110" is a zone split into N
 *   Targets: 120 130 140     or TP1/TP2…, "Take-Profit Targets: 1) … 2) …", "Sell"
 *   Stop: 90                 or "SL", "Stop loss", "Stop Targets: 1) 90", "-7%"
 */
import { findPair } from './find-pair.ts';
import { buildSignal } from './build-signal.ts';
import { normalizeSignalText } from './normalize-text.ts';
import { type ParseOptions, type ParseResult, type SignalTrailingHint, DEFAULT_PARSE_OPTIONS, failParse } from './parsed-signal.ts';
import { readHeaderLeverage, readSections } from './read-sections.ts';
import { splitSections } from './split-sections.ts';

/** Longest message we read; a signal is a few hundred characters, this bounds the regex work. */
export const MAX_SIGNAL_TEXT_LENGTH = 8000;

const TRAILING =
  /trailing\s*configuration\s*:?\s*stop\s*:?\s*(breakeven|moving\s*2[\s-]*target|moving\s*target)\s*-?\s*trigger\s*:?\s*target\s*\(?\s*(\d{1,2})\s*\)?/i;

function readTrailing(text: string): { text: string; trailing: SignalTrailingHint | null } {
  const m = text.match(TRAILING);
  if (!m) return { text, trailing: null };
  const word = m[1].toLowerCase().replace(/[\s-]+/g, ' ');
  const mode = word === 'breakeven' ? 'breakeven' : word.includes('2') ? 'moving_2_target' : 'moving_target';
  return { text: text.replace(m[0], '\n'), trailing: { mode, afterTarget: Number(m[2]) } };
}

/**
 * The direction as written. "Short term" / "long-term" describe a horizon, not a side.
 * The first of LONG/SHORT wins; a buy/sell keyword with no price ("Buy: TOMO/USDT") counts
 * when neither word appears, and a spot trade can only be long.
 */
export function readWrittenDirection(text: string, hints: ('long' | 'short')[]): 'long' | 'short' | null {
  const cleaned = text.replace(/\b(short|long|mid)[\s-]*term\b/gi, ' ');
  const m = cleaned.match(/(?<![A-Za-z])(LONG|Long|long|SHORT|Short|short)(?![a-z])/);
  if (m) return m[1].toLowerCase() as 'long' | 'short';
  if (hints.length) return hints[0];
  if (/\btrade\s*type\s*:?\s*spot\b/i.test(cleaned)) return 'long';
  return null;
}

export function parseTextSignal(raw: string, options: ParseOptions = {}): ParseResult {
  const opts = { ...DEFAULT_PARSE_OPTIONS, ...options };
  if (raw.trim() === '') return failParse('The message is empty.', ['pair', 'entry', 'targets or stop loss']);
  if (raw.length > MAX_SIGNAL_TEXT_LENGTH) return failParse(`The message is too long to be a signal (over ${MAX_SIGNAL_TEXT_LENGTH} characters).`);

  const { text, trailing } = readTrailing(normalizeSignalText(raw));
  const pair = findPair(text, opts.defaultQuote);
  const { sections } = splitSections(text);
  const parts = readSections(sections, pair?.matched ?? '');
  const notes = [...parts.notes];
  if (pair?.quoteAssumed) notes.push(`the quote currency was not written; assumed ${pair.quote}`);

  let leverage = parts.leverage;
  if (leverage === null && pair) {
    const pairLine = text.split('\n').find((line) => line.includes(pair.matched)) ?? '';
    leverage = readHeaderLeverage(pairLine.replace(pair.matched, ' '));
  }
  const breakout = parts.entryType === 'breakout_above' ? 'long' : parts.entryType === 'breakout_below' ? 'short' : null;
  return buildSignal(
    {
      symbol: pair?.symbol ?? null,
      quote: pair?.quote ?? null,
      direction: breakout ?? readWrittenDirection(text, parts.directionHints),
      entries: parts.entries,
      entryType: parts.entryType,
      zone: parts.zone,
      targets: parts.targets,
      targetShares: parts.targetShares,
      stop: parts.stop,
      leverage,
      marginMode: parts.marginMode,
      exchange: parts.exchange,
      trailing,
      notes,
    },
    opts,
  );
}
