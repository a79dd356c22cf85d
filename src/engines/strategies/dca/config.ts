import { z } from 'zod';
import { booleanField, decimalField, enumField, intField, numberField } from '../../config-fields.ts';

const takeProfitStep = z.object({
  percent: numberField('takeProfitSteps.percent', 0, 1000, { exclusiveMin: true }),
  closePercent: numberField('takeProfitSteps.closePercent', 0, 100, { exclusiveMin: true }),
});

/** The deal parameters 3Commas users know (DOMAIN.md). Sizes are in quote currency. */
export const dealFields = {
  baseOrderSize: decimalField('baseOrderSize'),
  safetyOrderSize: decimalField('safetyOrderSize'),
  maxSafetyOrders: intField('maxSafetyOrders', 0, 100).default(5),
  activeSafetyOrders: intField('activeSafetyOrders', 1, 100).default(1),
  priceDeviationPercent: numberField('priceDeviationPercent', 0.01, 50).default(1),
  safetyOrderStepScale: numberField('safetyOrderStepScale', 0.1, 10).default(1),
  safetyOrderVolumeScale: numberField('safetyOrderVolumeScale', 0.1, 10).default(1),
  stopLossPercent: numberField('stopLossPercent', 0, 99, { exclusiveMin: true }).optional(),
  moveStopToBreakeven: booleanField('moveStopToBreakeven').default(false),
  maxActiveDeals: intField('maxActiveDeals', 1, 20).default(1),
  startCondition: enumField('startCondition', ['asap', 'rsi']).default('asap'),
  rsiPeriod: intField('rsiPeriod', 2, 200).default(14),
  rsiBelow: numberField('rsiBelow', 1, 99).default(30),
  cooldownCandles: intField('cooldownCandles', 0, 100_000).default(0),
};

export const dcaConfigSchema = z.object({
  ...dealFields,
  takeProfitPercent: numberField('takeProfitPercent', 0, 1000, { exclusiveMin: true }).optional(),
  takeProfitSteps: z.array(takeProfitStep).min(1, 'takeProfitSteps must hold 1 to 10 steps').max(10, 'takeProfitSteps must hold 1 to 10 steps').optional(),
  trailingTakeProfitPercent: numberField('trailingTakeProfitPercent', 0, 50, { exclusiveMin: true }).optional(),
})
  .refine((c) => (c.takeProfitPercent === undefined) !== (c.takeProfitSteps === undefined), { message: 'set exactly one of takeProfitPercent and takeProfitSteps', path: ['takeProfitPercent'] })
  .refine((c) => !c.takeProfitSteps || Math.abs(c.takeProfitSteps.reduce((s, x) => s + x.closePercent, 0) - 100) < 1e-9, { message: 'takeProfitSteps closePercent must add up to 100', path: ['takeProfitSteps'] })
  .refine((c) => !(c.trailingTakeProfitPercent && c.takeProfitSteps), { message: 'trailingTakeProfitPercent works with a single takeProfitPercent', path: ['trailingTakeProfitPercent'] })
  .refine((c) => c.activeSafetyOrders <= Math.max(1, c.maxSafetyOrders), { message: 'activeSafetyOrders must be at most maxSafetyOrders', path: ['activeSafetyOrders'] });

export type DcaConfig = z.output<typeof dcaConfigSchema>;
/** The fields the deal machinery needs, shared by dca and combo. */
export type DealConfig = Pick<DcaConfig, keyof typeof dealFields> & { trailingTakeProfitPercent?: number };
