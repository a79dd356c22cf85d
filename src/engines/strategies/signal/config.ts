import { z } from 'zod';
import { booleanField, decimalField, enumField, intField, numberField } from '../../config-fields.ts';

export const signalConfigSchema = z.object({
  positionSizeQuote: decimalField('positionSizeQuote').optional(),
  positionSizePercent: numberField('positionSizePercent', 0, 100, { exclusiveMin: true }).default(10),
  split: enumField('split', ['evenly', 'one_target', 'fifty_on_first', 'decreasing_exponential', 'custom']).default('evenly'),
  oneTarget: intField('oneTarget', 1, 20).default(1),
  customPercents: z.array(numberField('customPercents', 0, 100)).max(20, 'customPercents must hold at most 20 values').optional(),
  trailing: enumField('trailing', ['none', 'breakeven_after_tp1', 'moving_target']).default('none'),
  maxOpenTrades: intField('maxOpenTrades', 1, 50).default(5),
  allowShort: booleanField('allowShort').default(false),
  entryExpiryCandles: intField('entryExpiryCandles', 0, 1_000_000).default(0),
  defaultStopLossPercent: numberField('defaultStopLossPercent', 0, 99, { exclusiveMin: true }).optional(),
  cancelIfTargetBeforeEntry: booleanField('cancelIfTargetBeforeEntry').default(true),
})
  .refine((c) => c.split !== 'custom' || (c.customPercents !== undefined && Math.abs(c.customPercents.reduce((s, x) => s + x, 0) - 100) < 1e-9), {
    message: 'customPercents must be given and add up to 100 when split is custom', path: ['customPercents'],
  });
export type SignalConfig = z.output<typeof signalConfigSchema>;
