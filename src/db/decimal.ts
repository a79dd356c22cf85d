/**
 * numeric(65,30) <-> Decimal. Values travel as plain decimal strings in both directions
 * (node-postgres returns numeric as text), so nothing passes through a float and the round
 * trip is exact. `toFixed()` never writes exponent notation.
 */
import { customType } from 'drizzle-orm/pg-core';
import { Decimal } from '../shared/money.ts';

export const NUMERIC_TYPE = 'numeric(65, 30)';

export const decimal = customType<{ data: Decimal; driverData: string }>({
  dataType() {
    return NUMERIC_TYPE;
  },
  toDriver(value: Decimal): string {
    const d = value instanceof Decimal ? value : new Decimal(value as unknown as string);
    if (!d.isFinite()) throw new RangeError(`cannot store ${String(value)} in a numeric column`);
    return d.toFixed();
  },
  fromDriver(value: string): Decimal {
    return new Decimal(value);
  },
});
