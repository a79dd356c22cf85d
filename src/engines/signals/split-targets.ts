/**
 * How a position is split across its take-profit targets (Cornix's target strategies).
 *
 * Rounding: each target gets its share rounded down to the quantity precision; what rounding
 * leaves over goes to the LAST target that receives anything (or the first, if asked). The
 * last exit closes whatever is left of the position, so leftovers belong there, and the
 * quantities always add up exactly to the (rounded-down) total.
 */
import { Decimal } from '../../shared/money.ts';

export const TARGET_SPLIT_MODES = [
  'evenly', // equal parts on every target
  'one_target', // everything on TP1
  'two_targets', // equal parts on TP1 and TP2
  'three_targets', // equal parts on TP1..TP3
  'fifty_on_first', // 50 % on TP1, the rest equally on the others
  'decreasing_exponential', // each target half of the previous: 4/7, 2/7, 1/7
  'increasing_exponential', // each target double the previous: 1/7, 2/7, 4/7
  'custom', // percentages given per target, adding up to 100
] as const;
export type TargetSplitMode = (typeof TARGET_SPLIT_MODES)[number];

export interface TargetSplitInput {
  total: Decimal; // quantity to split, base units
  targetCount: number;
  precision: number; // decimal places of the pair's quantity
  mode: TargetSplitMode;
  customPct?: Decimal[]; // mode 'custom': one per target (missing ones get 0), adding up to 100
  remainderTo?: 'last' | 'first';
}

export interface TargetSplit {
  quantities: Decimal[]; // one per target, TP1 first; zeros for targets that get nothing
  total: Decimal; // the total rounded down to the precision: the sum of quantities
  dust: Decimal; // input total minus what could be split at this precision
  remainderIndex: number; // the target that received the rounding remainder
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const TWO = new Decimal(2);

function equalOn(used: number, count: number): Decimal[] {
  return Array.from({ length: count }, (_, i) => (i < Math.min(used, count) ? ONE : ZERO));
}

/**
 * Relative weights per target, as whole numbers where possible: shares are computed as
 * total × weight / sum, so 7 over 1:2:4 gives exactly 1, 2 and 4 (1/7 as a decimal would not).
 */
function rawWeights(mode: TargetSplitMode, count: number, customPct?: Decimal[]): Decimal[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`targetCount must be a whole number of at least 1, got ${count}`);
  switch (mode) {
    case 'evenly':
      return equalOn(count, count);
    case 'one_target':
      return equalOn(1, count);
    case 'two_targets':
      return equalOn(2, count);
    case 'three_targets':
      return equalOn(3, count);
    case 'fifty_on_first': // n-1 on TP1 and 1 on each of the n-1 others: half and half
      return count === 1 ? [ONE] : [new Decimal(count - 1), ...Array.from({ length: count - 1 }, () => ONE)];
    case 'decreasing_exponential':
      return Array.from({ length: count }, (_, i) => TWO.pow(count - 1 - i));
    case 'increasing_exponential':
      return Array.from({ length: count }, (_, i) => TWO.pow(i));
    case 'custom':
      return customWeights(count, customPct);
  }
}

/** Fraction of the position per target (adds up to 1, to the precision of a decimal fraction). */
export function targetSplitWeights(mode: TargetSplitMode, count: number, customPct?: Decimal[]): Decimal[] {
  const weights = rawWeights(mode, count, customPct);
  const sum = weights.reduce((a, b) => a.plus(b), ZERO);
  return weights.map((w) => w.div(sum));
}

function customWeights(count: number, customPct: Decimal[] | undefined): Decimal[] {
  if (!customPct || customPct.length === 0) throw new RangeError('custom split needs a percentage per target');
  if (customPct.length > count) throw new RangeError(`custom split has ${customPct.length} percentages for ${count} targets`);
  if (customPct.some((p) => p.isNegative() || !p.isFinite())) throw new RangeError('custom split percentages must be 0 or more');
  const sum = customPct.reduce((a, b) => a.plus(b), ZERO);
  if (!sum.eq(100)) throw new RangeError(`custom split percentages must add up to 100, got ${sum.toFixed()}`);
  return Array.from({ length: count }, (_, i) => customPct[i] ?? ZERO);
}

export function splitQuantityAcrossTargets(input: TargetSplitInput): TargetSplit {
  const { total, targetCount, precision, mode } = input;
  if (!total.isFinite() || total.isNegative()) throw new RangeError(`total must be 0 or more, got ${total.toString()}`);
  if (!Number.isInteger(precision) || precision < 0 || precision > 30) throw new RangeError(`precision must be 0..30 decimal places, got ${precision}`);
  const weights = rawWeights(mode, targetCount, input.customPct);
  const weightSum = weights.reduce((a, b) => a.plus(b), ZERO);
  const rounded = total.toDecimalPlaces(precision, Decimal.ROUND_DOWN);
  const quantities = weights.map((w) => rounded.times(w).div(weightSum).toDecimalPlaces(precision, Decimal.ROUND_DOWN));
  const used = weights.map((w, i) => (w.gt(0) ? i : -1)).filter((i) => i >= 0);
  const remainderIndex = input.remainderTo === 'first' ? used[0] : used[used.length - 1];
  const remainder = rounded.minus(quantities.reduce((a, b) => a.plus(b), ZERO));
  quantities[remainderIndex] = quantities[remainderIndex].plus(remainder);
  return { quantities, total: rounded, dust: total.minus(rounded), remainderIndex };
}
