/**
 * Reads the numbers of one section of a signal ("Targets: 1) 0.45 - 25%  2) 0.47 - 25%").
 *
 * Every number is classified, because channels mix prices with list markers ("1)"),
 * allocation percentages ("- 25%"), leverage ("20x") and abbreviations ("30K").
 */
import { Decimal } from '../../shared/money.ts';

export type NumberKind = 'price' | 'percent' | 'index' | 'multiplier';

export interface NumberToken {
  kind: NumberKind;
  value: Decimal; // never negative; see `negative`
  negative: boolean; // a minus sign glued to the number, after a non-number ("-7%")
  start: number;
  end: number;
}

// Alternatives, first match wins at a position:
//  - "0,2066": a decimal comma (a thousands group never follows a lone leading 0);
//  - "27,400" / "1,234,567.5": thousands separators (groups of exactly three digits);
//  - plain digits with an optional fraction.
const NUMBER =
  /(?<![\d.])(0,\d+(?![\d,])|\d{1,3}(?:,\d{3})+(?![\d])|\d+)(\.\d+)?(?:\s?([kKM])(?![A-Za-z]))?(\s*%)?(\s*[xX\u0445\u0425](?![A-Za-z]))?(\s*\))?/g;

export function readNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, intPart, fraction, suffix, percent, times, paren] = m;
    const start = m.index;
    const digits = intPart.startsWith('0,') ? intPart.replace(',', '.') : intPart.replace(/,/g, '');
    let value = new Decimal(digits + (fraction ?? ''));
    if (suffix === 'k' || suffix === 'K') value = value.times(1000);
    if (suffix === 'M') value = value.times(1_000_000);
    let kind: NumberKind = 'price';
    if (percent) kind = 'percent';
    else if (times) kind = 'multiplier';
    else if (paren && !fraction && !suffix && intPart.length <= 2 && isListMarkerStart(text, start)) kind = 'index';
    tokens.push({ kind, value, negative: isGluedMinus(text, start), start, end: start + whole.length });
  }
  return tokens;
}

/** "1) 0.45" at a line start or after a separator is a list marker; "(12)" inside text is not. */
function isListMarkerStart(text: string, start: number): boolean {
  const before = text.slice(0, start).replace(/[ ]+$/, '');
  return before === '' || /[^\d.(]$/.test(before);
}

function isGluedMinus(text: string, start: number): boolean {
  if (text[start - 1] !== '-') return false;
  const before = text.slice(0, start - 1).replace(/\s+$/, '');
  return !/[\d%]$/.test(before);
}

/** Prices of a section, in the order written (list markers, percentages and leverage dropped). */
export function readPrices(text: string): Decimal[] {
  return readNumbers(text)
    .filter((t) => t.kind === 'price')
    .map((t) => t.value);
}

/**
 * Satoshi notation: Cornix lets BTC-quoted prices be written in satoshis ("30000" or "30K" for
 * 0.0003). No coin trades above 1 BTC, so a BTC-quoted price of 1 or more is read as satoshis.
 */
export function fromSatoshis(price: Decimal, quote: string): Decimal {
  if (quote === 'BTC' && price.gte(1)) return price.times('0.00000001');
  return price;
}
