import { z } from 'zod';
import { decimalField, enumField, intField, numberField } from '../../config-fields.ts';
import { Decimal } from '../../../shared/money.ts';

/** Grid bot: `gridLevels` is the number of price levels including both bounds (levels − 1 cells). */
export const gridConfigSchema = z.object({
  lowerPrice: decimalField('lowerPrice'),
  upperPrice: decimalField('upperPrice'),
  gridLevels: intField('gridLevels', 2, 500),
  mode: enumField('mode', ['arithmetic', 'geometric']).default('arithmetic'),
  investment: decimalField('investment'),
  stopLossPrice: decimalField('stopLossPrice').optional(),
  trailingStopPercent: numberField('trailingStopPercent', 0, 50, { exclusiveMin: true }).optional(),
})
  .refine((c) => new Decimal(c.upperPrice).gt(c.lowerPrice), { message: 'upperPrice must be greater than lowerPrice', path: ['upperPrice'] })
  .refine((c) => c.stopLossPrice === undefined || new Decimal(c.stopLossPrice).lt(c.lowerPrice), { message: 'stopLossPrice must be below lowerPrice', path: ['stopLossPrice'] });

export type GridConfig = z.output<typeof gridConfigSchema>;
