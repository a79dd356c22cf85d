/**
 * Splits a normalized message into keyword sections: "Entry: 1 - 2 Targets: 3 4 SL: 0.5" gives
 * an entry section " 1 - 2 ", a targets section " 3 4 " and a stop section " 0.5".
 *
 * Sections are found by keyword, not by line, because exported messages often lost their
 * newlines ("OPUSDT LONGLeverage: 10.0XEntry Targets:1) 2.475Take-Profit Targets:…").
 */

export type SectionRole = 'entry' | 'targets' | 'stop' | 'leverage' | 'exchange' | 'other';

export interface Section {
  role: SectionRole;
  keyword: string; // as written
  body: string; // text up to the next keyword
}

// Order matters: at one position the first alternative that matches wins, so longer phrases
// come before their prefixes ("entry targets" before "entry", "stop loss" before "stop").
const KEYWORDS: [SectionRole, string][] = [
  ['entry', String.raw`ent(?:er|ry)\s+(?:above|below)`],
  ['entry', String.raw`entry\s*(?:targets?|zone|price|points?|range|area)`],
  ['entry', String.raw`entries|entry`],
  ['entry', String.raw`buy(?:ing)?\s*(?:zone|range|area|between|price)`],
  ['entry', String.raw`buy`],
  ['targets', String.raw`take[\s-]*profits?(?:\s*targets?)?`],
  ['targets', String.raw`profit\s*targets?`],
  ['targets', String.raw`targets?`],
  ['targets', String.raw`tp`],
  ['targets', String.raw`sell(?:\s*(?:targets?|zone))?`],
  ['stop', String.raw`stop[\s-]*(?:loss(?:es)?|targets?)`],
  ['stop', String.raw`stop`],
  ['stop', String.raw`s\/l|sl`],
  ['leverage', String.raw`leverage|lev`],
  ['exchange', String.raw`exchanges?`],
  [
    'other',
    String.raw`ote|period|reasoning|client|trade\s*type|signal\s*type|signal\s*id|strategy|position|published\s*by|coin\s*name|pair|coin|symbol|name|direction|amount(?:\s*per\s*trade)?|risk(?:\s*management)?|margin(?:\s*mode)?|timeframe|trailing\s*configuration`,
  ],
];

const KEYWORD_RE = new RegExp(KEYWORDS.map(([, src]) => `(${src})`).join('|'), 'gi');

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string | undefined): boolean => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();

/**
 * Word boundaries for text with lost newlines: a keyword may be glued to the previous word if it
 * is capitalized ("10.0XEntry", "LONGLEVERAGE"), but a short one (SL, TP, Lev) must stand alone
 * so it is not found inside ISOLATED, STOP or Level.
 */
function isKeywordAt(text: string, start: number, matched: string): boolean {
  const prev = text[start - 1];
  const next = text[start + matched.length];
  if (isLetter(prev)) {
    if (matched.replace(/\W/g, '').length <= 3) return false;
    if (!isUpper(matched[0])) return false;
  }
  const last = matched[matched.length - 1];
  if (isLower(last) && isLower(next)) return false;
  if (isUpper(last) && next !== undefined && isUpper(next)) return false;
  return true;
}

export interface SplitText {
  header: string; // text before the first keyword
  sections: Section[];
}

export function splitSections(text: string): SplitText {
  const found: { role: SectionRole; keyword: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(KEYWORD_RE)) {
    if (!isKeywordAt(text, m.index, m[0])) continue;
    const group = m.slice(1).findIndex((g) => g !== undefined);
    found.push({ role: KEYWORDS[group][0], keyword: m[0], start: m.index, end: m.index + m[0].length });
  }
  const sections = found.map((k, i) => ({
    role: k.role,
    keyword: k.keyword,
    body: text.slice(k.end, i + 1 < found.length ? found[i + 1].start : text.length),
  }));
  return { header: found.length ? text.slice(0, found[0].start) : text, sections };
}
