/**
 * The one Decimal used everywhere money, prices, quantities and percentages are handled.
 *
 * decimal.js defaults to 20 significant digits, which silently drops digits of a
 * numeric(65,30) value (up to 65 digits) during arithmetic. We configure a clone with 80
 * significant digits and disable exponent notation so `toString()` and `toFixed()` are
 * always plain decimal strings Postgres and humans can read.
 *
 * Import `Decimal` from here, never from 'decimal.js' directly (lint enforces it): a second
 * configuration, or a second copy loaded through CommonJS, would break `instanceof` checks.
 */
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 80,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | string | number;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** Parse a user- or wire-provided value to Decimal; throws on NaN/Infinity. */
export function toDecimal(value: DecimalInput): Decimal {
  const d = value instanceof Decimal ? value : new Decimal(value);
  if (!d.isFinite()) throw new RangeError(`not a finite number: ${String(value)}`);
  return d;
}

/** Plain string without exponent notation, trailing zeros trimmed. */
export function formatDecimal(value: Decimal): string {
  return value.toFixed();
}
