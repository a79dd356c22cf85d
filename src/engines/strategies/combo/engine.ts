import { z } from 'zod';
import { Decimal, ONE } from '../../../shared/money.ts';
import { enumField, intField, numberField } from '../../config-fields.ts';
import { dealFields } from '../dca/config.ts';
import { createDealEngine } from '../dca/deal-engine.ts';
import type { TakeProfitPlan } from '../dca/deal.ts';
import { computeGridLevels } from '../grid/levels.ts';

/**
 * The `combo` bot type: grid plus DCA. A DCA deal builds the position (base order, safety
 * orders with 3Commas spacing and sizing) and a grid of take-profit levels sells it in equal
 * parts on the way up — `gridLevels` levels between firstTakeProfitPercent and
 * lastTakeProfitPercent above the average entry (arithmetic or geometric spacing), re-laid from
 * the new average after every safety order. Stop, break-even stop and max deals as in dca.
 */
export const comboConfigSchema = z.object({
  ...dealFields,
  gridLevels: intField('gridLevels', 2, 50).default(5),
  gridMode: enumField('gridMode', ['arithmetic', 'geometric']).default('arithmetic'),
  firstTakeProfitPercent: numberField('firstTakeProfitPercent', 0, 1000, { exclusiveMin: true }).default(0.5),
  lastTakeProfitPercent: numberField('lastTakeProfitPercent', 0, 1000, { exclusiveMin: true }).default(2.5),
})
  .refine((c) => c.lastTakeProfitPercent > c.firstTakeProfitPercent, { message: 'lastTakeProfitPercent must be greater than firstTakeProfitPercent', path: ['lastTakeProfitPercent'] })
  .refine((c) => c.activeSafetyOrders <= Math.max(1, c.maxSafetyOrders), { message: 'activeSafetyOrders must be at most maxSafetyOrders', path: ['activeSafetyOrders'] });

export type ComboConfig = z.output<typeof comboConfigSchema>;

/** Take-profit levels as percents above the average: the grid between the first and last target, equal shares. */
export function comboTakeProfitPlan(c: ComboConfig): TakeProfitPlan {
  const hundred = new Decimal(100);
  // Grid levels over the multipliers 1 + p/100, so geometric spacing is geometric in price.
  const multipliers = computeGridLevels(ONE.add(new Decimal(c.firstTakeProfitPercent).div(hundred)), ONE.add(new Decimal(c.lastTakeProfitPercent).div(hundred)), c.gridLevels, c.gridMode);
  const percents = multipliers.map((m) => m.sub(ONE).mul(hundred));
  return (filled) => {
    const rest = percents.slice(filled);
    return rest.map((percent) => ({ percent, fraction: ONE.div(rest.length) }));
  };
}

export const comboEngine = createDealEngine('combo', comboConfigSchema, comboTakeProfitPlan);
