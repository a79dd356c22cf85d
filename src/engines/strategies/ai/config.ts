import { z } from 'zod';
import { intField, numberField } from '../../config-fields.ts';
import { builderConfigSchema } from '../../builder/schema.ts';

const weight = (name: string) => numberField(name, 0, 10);

/** Multi-indicator scoring (the default) or a strategy built from components (seed 001). */
export const scoringConfigSchema = z.object({
  mode: z.literal('scoring').default('scoring'),
  rsiPeriod: intField('rsiPeriod', 2, 200).default(14),
  rsiOversold: numberField('rsiOversold', 1, 49).default(30),
  rsiOverbought: numberField('rsiOverbought', 51, 99).default(70),
  macdFast: intField('macdFast', 2, 100).default(12),
  macdSlow: intField('macdSlow', 3, 200).default(26),
  macdSignal: intField('macdSignal', 2, 100).default(9),
  bollingerPeriod: intField('bollingerPeriod', 2, 200).default(20),
  bollingerMultiplier: numberField('bollingerMultiplier', 0.5, 5).default(2),
  emaFast: intField('emaFast', 2, 200).default(9),
  emaSlow: intField('emaSlow', 3, 400).default(21),
  adxPeriod: intField('adxPeriod', 2, 100).default(14),
  adxTrend: numberField('adxTrend', 5, 60).default(25),
  weights: z.object({ rsi: weight('weights.rsi').default(1), macd: weight('weights.macd').default(1), bollinger: weight('weights.bollinger').default(1), trend: weight('weights.trend').default(1) }).default({ rsi: 1, macd: 1, bollinger: 1, trend: 1 }),
  buyThreshold: numberField('buyThreshold', 0.05, 1).default(0.35),
  sellThreshold: numberField('sellThreshold', 0.05, 1).default(0.35),
  minConfidence: numberField('minConfidence', 0, 100).default(35),
  positionSizePercent: numberField('positionSizePercent', 0, 100, { exclusiveMin: true }).default(95),
  stopLossPercent: numberField('stopLossPercent', 0, 99, { exclusiveMin: true }).optional(),
  takeProfitPercent: numberField('takeProfitPercent', 0, 1000, { exclusiveMin: true }).optional(),
}).refine((c) => c.macdFast < c.macdSlow, { message: 'macdFast must be smaller than macdSlow', path: ['macdFast'] })
  .refine((c) => c.emaFast < c.emaSlow, { message: 'emaFast must be smaller than emaSlow', path: ['emaFast'] })
  .refine((c) => c.weights.rsi + c.weights.macd + c.weights.bollinger + c.weights.trend > 0, { message: 'weights must not all be 0', path: ['weights'] });

export const builtConfigSchema = z.object({ mode: z.literal('built'), strategy: builderConfigSchema });

export const aiConfigSchema = z.union([builtConfigSchema, scoringConfigSchema], { error: "mode must be 'scoring' (default) or 'built' with a strategy" });

export type ScoringConfig = z.output<typeof scoringConfigSchema>;
export type AiConfig = z.output<typeof aiConfigSchema>;
