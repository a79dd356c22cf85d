import { z } from 'zod';
import { decimalField, enumField, intField, numberField, booleanField } from '../config-fields.ts';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from './catalogue.ts';

/**
 * A built strategy (seed 001: strategies.config / strategy_versions.config, made of
 * strategy_components of type trend, entry, exit and stop_loss with parameters). Versionable
 * JSON: `version` is the schema version, so stored configs can be migrated.
 */
export const PRICE_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

const indicatorOperand = z.object({
  indicator: enumField('indicator', INDICATOR_IDS),
  params: z.record(z.string(), z.unknown()).default({}),
  output: z.string().optional(),
}).transform((o, ctx) => {
  const def = INDICATORS[o.indicator as IndicatorId];
  const parsed = def.params.safeParse(o.params);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['params', ...issue.path] });
    return z.NEVER;
  }
  const output = o.output ?? def.outputs[0];
  if (!def.outputs.includes(output)) {
    ctx.addIssue({ code: 'custom', message: `output must be one of ${def.outputs.map((x) => `'${x}'`).join(', ')} for ${o.indicator}`, path: ['output'] });
    return z.NEVER;
  }
  return { indicator: o.indicator as IndicatorId, params: parsed.data as Record<string, unknown>, output };
});

const priceOperand = z.object({ price: enumField('price', PRICE_FIELDS) });
const valueOperand = z.object({ value: z.number({ error: 'value must be a number' }) });
export type Operand = z.output<typeof indicatorOperand> | z.output<typeof priceOperand> | z.output<typeof valueOperand>;

/**
 * An operand is { indicator, params?, output? }, { price } or { value }, told apart by its key
 * (not a plain union, so the inner error — e.g. a period out of range — reaches the user with
 * its path). Parsing is idempotent: a stored, already-parsed config parses again unchanged.
 */
export const operandSchema = z.unknown().transform((raw, ctx): Operand => {
  const o = (raw ?? {}) as Record<string, unknown>;
  const schema = typeof raw !== 'object' ? null : 'indicator' in o ? indicatorOperand : 'price' in o ? priceOperand : 'value' in o ? valueOperand : null;
  if (!schema) {
    ctx.addIssue({ code: 'custom', message: 'an operand is { indicator, params?, output? }, { price } or { value }' });
    return z.NEVER;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data;
});

export const CONDITION_OPS = ['crosses_above', 'crosses_below', 'above', 'below', 'rises', 'falls'] as const;
export const conditionSchema = z.object({
  left: operandSchema,
  op: enumField('op', CONDITION_OPS),
  right: operandSchema.optional(),
}).refine((c) => c.op === 'rises' || c.op === 'falls' || c.right !== undefined, { message: 'right is required for this op', path: ['right'] });
export type Condition = z.output<typeof conditionSchema>;

const side = enumField('side', ['long', 'short']).default('long');
const position = intField('position', 0, 1000).default(0);

export const componentSchema = z.discriminatedUnion('componentType', [
  z.object({ componentType: z.literal('trend'), side, position, condition: conditionSchema }),
  z.object({ componentType: z.literal('entry'), side, position, condition: conditionSchema }),
  z.object({ componentType: z.literal('exit'), side, position, condition: conditionSchema.optional(), takeProfitPercent: numberField('takeProfitPercent', 0, 1000, { exclusiveMin: true }).optional() })
    .refine((c) => (c.condition === undefined) !== (c.takeProfitPercent === undefined), { message: 'an exit has either a condition or takeProfitPercent', path: ['condition'] }),
  z.object({
    componentType: z.literal('stop_loss'), side, position,
    percent: numberField('percent', 0, 100, { exclusiveMin: true }).optional(),
    atrPeriod: intField('atrPeriod', 1, 500).optional(),
    atrMultiplier: numberField('atrMultiplier', 0, 50, { exclusiveMin: true }).optional(),
    trailing: booleanField('trailing').default(false),
  }).refine((c) => (c.percent !== undefined) !== (c.atrMultiplier !== undefined), { message: 'a stop_loss has either percent or atrMultiplier (with atrPeriod)', path: ['percent'] }),
], { error: "componentType must be one of 'trend', 'entry', 'exit', 'stop_loss'" });
export type Component = z.output<typeof componentSchema>;

export const sizingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('equity_fraction'), fraction: decimalField('fraction', { min: 0, max: 1 }) }),
  z.object({ mode: z.literal('quote'), amount: decimalField('amount') }),
], { error: "sizing.mode must be 'equity_fraction' or 'quote'" });

export const builderConfigSchema = z.object({
  version: z.literal(1, { error: 'version must be 1' }),
  name: z.string({ error: 'name must be text' }).min(1, 'name must be 1 to 100 characters').max(100, 'name must be 1 to 100 characters'),
  sizing: sizingSchema.default({ mode: 'equity_fraction', fraction: '1' }),
  components: z.array(componentSchema).min(1, 'components must hold 1 to 50 components').max(50, 'components must hold 1 to 50 components'),
}).refine((c) => c.components.some((k) => k.componentType === 'entry'), { message: 'components need at least one entry', path: ['components'] });

export type BuilderConfig = z.output<typeof builderConfigSchema>;
export type BuilderConfigInput = z.input<typeof builderConfigSchema>;
