/**
 * zod field builders for engine configs. Every message names the field and its allowed range,
 * so a chat adapter can show it to the user as is ("safetyOrderStepScale must be between 0.1 and 10").
 */
import { z } from 'zod';
import { Decimal } from '../shared/money.ts';

export function intField(name: string, min: number, max: number) {
  const range = `${name} must be a whole number between ${min} and ${max}`;
  return z.number({ error: range }).int(range).min(min, range).max(max, range);
}

export function numberField(name: string, min: number, max: number, { exclusiveMin = false } = {}) {
  const range = `${name} must be ${exclusiveMin ? 'greater than' : 'at least'} ${min} and at most ${max}`;
  const base = z.number({ error: range }).max(max, range);
  return exclusiveMin ? base.gt(min, range) : base.min(min, range);
}

/** A money or price amount given as a decimal string or a number; kept as a canonical decimal string (JSON-safe, exact). */
export function decimalField(name: string, { min = 0, exclusiveMin = true, max }: { min?: number; exclusiveMin?: boolean; max?: number } = {}) {
  const range = `${name} must be a decimal number ${exclusiveMin ? 'greater than' : 'at least'} ${min}${max === undefined ? '' : ` and at most ${max}`}`;
  return z.union([z.string(), z.number()], { error: range }).transform((value, ctx) => {
    let d: Decimal;
    try {
      d = new Decimal(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: range });
      return z.NEVER;
    }
    const tooLow = exclusiveMin ? d.lte(min) : d.lt(min);
    if (!d.isFinite() || tooLow || (max !== undefined && d.gt(max))) {
      ctx.addIssue({ code: 'custom', message: range });
      return z.NEVER;
    }
    return d.toFixed();
  });
}

export function enumField<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z.enum(values, { error: `${name} must be one of ${values.map((v) => `'${v}'`).join(', ')}` });
}

export function booleanField(name: string) {
  return z.boolean({ error: `${name} must be true or false` });
}

/** A readable one-line summary of a failed parse: "field: message; other: message". */
export function describeConfigError(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
