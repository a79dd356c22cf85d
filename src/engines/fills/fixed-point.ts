import { Decimal, ZERO } from '../../shared/money.ts';

/**
 * The exact fixed-point lane: Decimal values as BigInt counts of 10^−scale units, so the paper
 * book, the ledger and the trade statistics can add, subtract, multiply and compare money
 * without a decimal.js call per step (0.5–1 µs each on this machine; a BigInt step is ~30 ns).
 *
 * Exactness: decimal.js (80 significant digits here) is exact for +, −, × and comparisons as
 * long as no result needs more than 80 significant digits. Integers below 10^80 in magnitude
 * never do, so a caller that keeps every intermediate below PRECISION_LIMIT gets bit-for-bit
 * the Decimal result, and must fall back to the Decimal code otherwise.
 *
 * Conversions read and write decimal.js's own representation (sign `s`, base-10 exponent `e`,
 * base-10^7 words `d`) instead of printing and parsing strings (~1 µs each). That layout is
 * checked against decimal.js itself when this module loads; if it ever differs (a new
 * decimal.js), `EXACT_LANE` is false and callers keep to plain Decimal arithmetic.
 * test/engines/fills/fixed-point.test.ts proves the conversions on real and random values;
 * test/engines/fills/exact-lane.test.ts compares settlement, ledger, statistics and division
 * with the decimal.js code on random and edge inputs.
 *
 * Why hand-written BigInt code next to decimal.js: measured, not assumed. On the benchmark's
 * SMA cross (1M candles, 37,500 fills, bench/one.ts with EXACT_LANE=0 and 1, shared 2-core VM)
 * the fast path takes ~1,150–1,250 ms of CPU with decimal.js alone and ~570–630 ms with this
 * lane; fills were more than half the run (bench/README.md, "Where the time goes"). Another
 * decimal library would still allocate an object per step. The rules that keep it exact:
 * - no float ever carries money: floats appear only as the float mirrors (unitsToNumber, the
 *   nearest float, as Number(value.toFixed()) gives) and as the same float estimate the Decimal
 *   code uses to choose its branch (divideRounded);
 * - the lane only adds, subtracts, multiplies, compares, and divides where the quotient is
 *   exact (by powers of ten it is known to divide) or is the floor/ceiling the Decimal search
 *   settles on (divideRounded, sizeFromEquity); quantities are cut toward zero with BigInt `%`,
 *   which truncates toward zero like ROUND_DOWN, negative values included; rounding to nearest
 *   (ROUND_HALF_UP prices) stays in decimal.js;
 * - every result is checked below 10^80 units (PRECISION_LIMIT) and a −0 decimal.js would make
 *   is sent to the Decimal code; null / false from any lane function means "use the Decimal
 *   code", which stays the reference and is what runs when EXACT_LANE is off.
 */
interface DecimalParts {
  s: number;
  e: number;
  d: number[] | null;
}

export const PRECISION_LIMIT = 10n ** 80n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const POW10: bigint[] = [1n];
const POW10_NUM = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact up to 10^22

export function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[k];
}

/** True while |u| < 10^80: every Decimal operation on such values is exact. */
export function fitsPrecision(u: bigint): boolean {
  return u < PRECISION_LIMIT && u > -PRECISION_LIMIT;
}

function digitCount(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1000 ? 3 : w < 10_000 ? 4 : w < 100_000 ? 5 : w < 1_000_000 ? 6 : 7;
}

/**
 * The largest scale the lane works at. Callers scale values to the largest scale they meet
 * (pow10 caches every power up to it), so a value like 1e-1000000 must send them to the Decimal
 * code instead of building a million powers of ten.
 */
export const MAX_SCALE = 400;

/**
 * d × 10^scale as an integer, or null when d has more than `scale` decimal places, is not
 * finite, or is too large for the lane (more than 80 digits: no exact Decimal arithmetic on it
 * anyway) or the scale is above MAX_SCALE. Null always means: use the Decimal code.
 */
export function toUnits(value: Decimal, scale: number): bigint | null {
  const x = value as unknown as DecimalParts;
  const w = x.d;
  if (!w || scale > MAX_SCALE) return null;
  if (w[0] === 0) return 0n;
  const n = w.length;
  // The words concatenated form an integer coefficient of `digits` digits; value = coefficient × 10^(e + 1 − digits).
  const digits = digitCount(w[0]) + 7 * (n - 1);
  const shift = x.e + 1 - digits + scale;
  // The result has digits + shift digits (when it is an integer at all).
  if (digits + shift > 80) return null;
  let u: bigint;
  if (n <= 2) {
    const c = n === 1 ? w[0] : w[0] * 1e7 + w[1]; // < 10^14: exact
    if (shift < 0) {
      if (-shift > 14) return null;
      const p = POW10_NUM[-shift];
      if (c % p !== 0) return null;
      u = BigInt(c / p);
    } else u = shift === 0 ? BigInt(c) : BigInt(c) * pow10(shift);
  } else {
    let c = BigInt(w[0]);
    for (let k = 1; k < n; k++) c = c * 10_000_000n + BigInt(w[k]);
    if (shift < 0) {
      const p = pow10(-shift);
      if (c % p !== 0n) return null;
      u = c / p;
    } else u = shift === 0 ? c : c * pow10(shift);
  }
  return x.s < 0 ? -u : u;
}

/** Whether value is −0: decimal.js keeps that sign through some steps (−0 + 0 = −0, −0 − 0 = −0), units cannot. */
export function isNegativeZero(value: Decimal): boolean {
  const x = value as unknown as DecimalParts;
  return x.s < 0 && x.d !== null && x.d[0] === 0;
}

/** value.decimalPlaces() for a finite Decimal, counting the last word's trailing zeros in a few steps instead of a loop. */
export function placesOf(value: Decimal): number {
  const x = value as unknown as DecimalParts;
  const w = x.d;
  if (!w) return Number.NaN;
  const last = w[w.length - 1];
  if (last === 0) return 0;
  const tz = last % 10 !== 0 ? 0 : last % 10_000 !== 0 ? (last % 100 !== 0 ? 1 : last % 1000 !== 0 ? 2 : 3) : last % 100_000 !== 0 ? 4 : last % 1_000_000 !== 0 ? 5 : 6;
  const places = (w.length - 1 - Math.floor(x.e / 7)) * 7 - tz;
  return places < 0 ? 0 : places;
}

const proto = Object.getPrototypeOf(ZERO) as object;

/** The Decimal u × 10^−scale, built as decimal.js's parser would build it. */
export function fromUnits(u: bigint, scale: number): Decimal {
  if (u === 0n) return ZERO;
  const negative = u < 0n;
  const a = negative ? -u : u;
  const d = a <= MAX_SAFE ? wordsOfSafe(Number(a), scale) : wordsOfString(a.toString(), scale);
  const x = Object.create(proto) as DecimalParts & { constructor: unknown };
  x.constructor = Decimal;
  x.s = negative ? -1 : 1;
  x.e = d.e;
  x.d = d.words;
  return x as unknown as Decimal;
}

/** Floor of c / p for an exact float integer c and a power of ten p (exact: no rounding of the quotient). */
function div(c: number, p: number): number {
  return (c - (c % p)) / p;
}

/**
 * decimal.js's words for c × 10^−scale, c a safe integer: the first word holds (e + 1) mod 7
 * digits (7 when that is 0), the following words 7 each, the last padded with zeros on the right.
 */
function wordsOfSafe(c: number, scale: number): { e: number; words: number[] } {
  let len = 1;
  while (len < 16 && c >= POW10_NUM[len]) len++;
  const e = len - 1 - scale;
  while (c % 10 === 0) {
    c /= 10;
    len--;
  }
  let i = (e + 1) % 7;
  if (i <= 0) i += 7;
  if (len <= i) return { e, words: [c * POW10_NUM[i - len]] };
  const rest = len - i;
  const words = [div(c, POW10_NUM[rest])];
  const low = c % POW10_NUM[rest];
  let left = rest;
  while (left > 7) {
    left -= 7;
    words.push(div(low, POW10_NUM[left]) % 10_000_000);
  }
  words.push((low % POW10_NUM[left]) * POW10_NUM[7 - left]);
  return { e, words };
}

function wordsOfString(str: string, scale: number): { e: number; words: number[] } {
  const e = str.length - 1 - scale;
  let len = str.length;
  while (str.charCodeAt(len - 1) === 48) len--;
  if (len !== str.length) str = str.slice(0, len);
  // decimal.js's parseDecimal, on the digits alone.
  const words: number[] = [];
  let i = (e + 1) % 7;
  if (e < 0) i += 7;
  if (i < len) {
    if (i) words.push(+str.slice(0, i));
    for (len -= 7; i < len;) words.push(+str.slice(i, (i += 7)));
    str = str.slice(i);
    i = 7 - str.length;
  } else i -= len;
  let last = +str;
  while (i-- > 0) last *= 10;
  words.push(last);
  return { e, words };
}

/** The nearest float to u × 10^−scale: Number(value.toFixed()), usually without the string. */
export function unitsToNumber(u: bigint, scale: number): number {
  // One IEEE division of two exactly representable numbers is correctly rounded, as Number(string) is.
  if (scale <= 22 && u <= MAX_SAFE && u >= -MAX_SAFE) return Number(u) / POW10_NUM[scale];
  return Number(fromUnits(u, scale).toFixed());
}

/** Number(value.toFixed()) — the nearest float — in a few operations for values of up to 14 digits. */
export function fastDecimalToNumber(value: Decimal): number {
  return lanes.exact ? wordsToNumber(value) : Number(value.toFixed());
}

function wordsToNumber(value: Decimal): number {
  const x = value as unknown as DecimalParts;
  const w = x.d;
  if (w && w.length <= 2) {
    if (w[0] === 0) return 0;
    const c = w.length === 1 ? w[0] : w[0] * 1e7 + w[1];
    const k = x.e + 1 - (digitCount(w[0]) + 7 * (w.length - 1));
    // c and 10^|k| are exact floats, so one multiplication or division rounds correctly.
    if (k >= 0 && k <= 22) return x.s * (c * POW10_NUM[k]);
    if (k < 0 && k >= -22) return x.s * (c / POW10_NUM[-k]);
  }
  return Number(value.toFixed());
}

/**
 * value.toFixed() (plain notation, no rounding) for values of up to 14 digits, straight from the
 * words. decimal.js's toFixed() took ~1.3 µs per call in the SMA-cross fast path (applyFills keeps
 * each entry fill's quantity as text: 18,750 calls per million candles); this takes a few
 * arithmetic steps and one String().
 */
export function plainText(value: Decimal): string {
  return lanes.exact ? plainTextOf(value) : value.toFixed();
}

function plainTextOf(value: Decimal): string {
  const x = value as unknown as DecimalParts;
  const w = x.d;
  if (!w || w.length > 2 || w[0] === 0) return value.toFixed();
  let c = w.length === 1 ? w[0] : w[0] * 1e7 + w[1]; // < 10^14: exact
  let digits = digitCount(w[0]) + 7 * (w.length - 1);
  while (c % 10 === 0) {
    c /= 10;
    digits--;
  }
  const s = String(c);
  const e = x.e; // the first digit stands for 10^e
  const text = e < 0 ? `0.${'0'.repeat(-e - 1)}${s}` : e + 1 >= digits ? s + '0'.repeat(e + 1 - digits) : `${s.slice(0, e + 1)}.${s.slice(e + 1)}`;
  return x.s < 0 ? `-${text}` : text;
}

/** Whether this decimal.js builds values the way fromUnits/toUnits expect (checked once, at load). */
function selfCheck(): boolean {
  const samples = ['1', '-1', '7', '84.12', '-0.001', '0.5', '1234567', '12345678', '0.0000001', '123456789012345.678901', '-98765.4321e-20', '1e30', '100', '3.1400', '9999999.9999999', '0.1234567'];
  for (const text of samples) {
    const ref = new Decimal(text) as unknown as DecimalParts;
    const scale = Math.max(0, (ref as unknown as Decimal).decimalPlaces());
    const u = BigInt((ref as unknown as Decimal).mul(new Decimal(10).pow(scale)).toFixed());
    const made = fromUnits(u, scale) as unknown as DecimalParts;
    if (made.s !== ref.s || made.e !== ref.e || !ref.d || !made.d || made.d.join() !== ref.d.join()) return false;
    if (toUnits(ref as unknown as Decimal, scale) !== u || toUnits(ref as unknown as Decimal, scale + 3) !== u * 1000n) return false;
    if (!(made as unknown as Decimal).eq(ref as unknown as Decimal) || (made as unknown as Decimal).constructor !== Decimal) return false;
    if (placesOf(ref as unknown as Decimal) !== scale || wordsToNumber(ref as unknown as Decimal) !== Number(text)) return false;
    if (plainTextOf(ref as unknown as Decimal) !== (ref as unknown as Decimal).toFixed()) return false;
  }
  return true;
}

export const EXACT_LANE: boolean = selfCheck();

/** Which lanes are on. The exact lane is on wherever this decimal.js allows it; tests turn it off to compare with the reference. */
export const lanes = { exact: EXACT_LANE };
