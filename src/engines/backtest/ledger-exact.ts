import type { Decimal } from '../../shared/money.ts';
import { fitsPrecision, fromUnits, MAX_SCALE, placesOf, pow10, toUnits, unitsToNumber } from '../fills/fixed-point.ts';
import { BookFill } from '../fills/fill.ts';
import type { PaperFill } from '../fills/types.ts';

/**
 * An open round trip kept in the exact lane (fills/fixed-point.ts): quantities, notionals and
 * fees as BigInt counts of 10^−scale, the scale growing when a fill brings more decimal places.
 * The ledger's Decimal sums and differences are exact below 80 digits, so these are the same
 * values; fits() reports when a trade must continue in Decimal instead.
 */
export interface ExactTrade {
  scale: number;
  entryQuantity: bigint;
  entryNotional: bigint;
  exitQuantity: bigint;
  exitNotional: bigint;
  fees: bigint;
  /** The Decimal of the only entry fill's quantity (the trade's quantity without a new object), or null. */
  singleEntryQuantity: Decimal | null;
}

export function newExactTrade(): ExactTrade {
  return { scale: 0, entryQuantity: 0n, entryNotional: 0n, exitQuantity: 0n, exitNotional: 0n, fees: 0n, singleEntryQuantity: null };
}

/** Adds a fill; false (the trade unchanged) when a value does not fit the exact lane. */
export function addExactFill(t: ExactTrade, fill: PaperFill, entering: boolean, firstOfSide: boolean): boolean {
  // The paper book's fills carry their amounts in units already; others are converted.
  const known = BookFill.unitsOf(fill);
  const dpPrice = known ? known.priceScale : placesOf(fill.price);
  const needed = known ? known.scale : Math.max(placesOf(fill.quantity) + dpPrice, placesOf(fill.fee));
  if (needed > MAX_SCALE) return false;
  if (needed > t.scale) rescale(t, needed);
  const m = known && known.scale < t.scale ? pow10(t.scale - known.scale) : 1n;
  const q = known ? known.quantity * m : toUnits(fill.quantity, t.scale);
  const p = known ? known.price : toUnits(fill.price, dpPrice);
  const fee = known ? known.fee * m : toUnits(fill.fee, t.scale);
  if (q === null || p === null || fee === null) return false;
  // price × quantity has dpPrice + dpQuantity ≤ scale places: exact at this scale.
  const notional = q * p / pow10(dpPrice);
  const fees = t.fees + fee;
  if (entering) {
    const quantity = firstOfSide ? q : t.entryQuantity + q;
    const total = firstOfSide ? notional : t.entryNotional + notional;
    if (!fitsPrecision(q * p) || !fitsPrecision(fees) || !fitsPrecision(quantity) || !fitsPrecision(total) || !fitsPrecision(quantity - t.exitQuantity)) return false;
    t.entryQuantity = quantity;
    t.entryNotional = total;
    t.singleEntryQuantity = firstOfSide ? fill.quantity : null;
  } else {
    const quantity = firstOfSide ? q : t.exitQuantity + q;
    const total = firstOfSide ? notional : t.exitNotional + notional;
    if (!fitsPrecision(q * p) || !fitsPrecision(fees) || !fitsPrecision(quantity) || !fitsPrecision(total) || !fitsPrecision(t.entryQuantity - quantity)) return false;
    t.exitQuantity = quantity;
    t.exitNotional = total;
  }
  t.fees = fees;
  return true;
}

function rescale(t: ExactTrade, scale: number): void {
  const m = pow10(scale - t.scale);
  t.entryQuantity *= m;
  t.entryNotional *= m;
  t.exitQuantity *= m;
  t.exitNotional *= m;
  t.fees *= m;
  t.scale = scale;
}

export function openQuantity(t: ExactTrade): bigint {
  return t.entryQuantity - t.exitQuantity;
}

/** The closed trade's money: net pnl, fees, quantity, entry notional, and the return as a float (as the Decimal ledger computes them). */
export function closeExact(t: ExactTrade, long: boolean): { pnl: bigint; returnPct: number } | null {
  const gross = long ? t.exitNotional - t.entryNotional : t.entryNotional - t.exitNotional;
  const pnl = gross - t.fees;
  if (!fitsPrecision(gross) || !fitsPrecision(pnl)) return null;
  return { pnl, returnPct: unitsToNumber(pnl, t.scale) / unitsToNumber(t.entryNotional, t.scale) };
}

export function materialize(t: ExactTrade, units: bigint): Decimal {
  return fromUnits(units, t.scale);
}
