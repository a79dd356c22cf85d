/**
 * The engine for each bot type, and config validation whose errors name the field and its
 * allowed range (the engines' zod schemas), turned into a VALIDATION ServiceError.
 */
import { strategyEngines } from '../../engines/strategies/index.ts';
import { BOT_TYPES, type BotType, type StrategyEngine } from '../../engines/types.ts';
import { invalid } from '../core/errors.ts';
import { parseInput } from '../core/verb.ts';

export function engineFor(type: string): StrategyEngine<any, any> {
  if (!(BOT_TYPES as readonly string[]).includes(type)) throw invalid(`Unknown bot type "${type}". Choose one of ${BOT_TYPES.join(', ')}.`, [{ field: 'type', message: `must be one of ${BOT_TYPES.join(', ')}` }]);
  return strategyEngines[type as BotType];
}

/** The parsed config, or a VALIDATION error whose issues are prefixed with `config.`. */
export function validateBotConfig(type: string, config: unknown): unknown {
  const engine = engineFor(type);
  try {
    return parseInput(engine.configSchema, config ?? {});
  } catch (error) {
    if (error instanceof Error && 'issues' in error) {
      const issues = (error as { issues: { field: string; message: string }[] }).issues.map((i) => ({ field: i.field ? `config.${i.field}` : 'config', message: i.message }));
      throw invalid(`The ${type} settings are not valid: ${issues[0]?.field.replace(/^config\./, '')} ${issues[0]?.message}`.trim(), issues);
    }
    throw error;
  }
}

/**
 * The allowed range of one config field, in the engine's own words without the field name
 * ("must be a whole number between 2 and 200"), for prompts that ask for it; null when the
 * type has no such top-level field.
 */
export function configFieldRule(type: string, field: string): string | null {
  const schema = engineFor(type).configSchema as unknown as { shape?: Record<string, unknown>; options?: { shape?: Record<string, unknown> }[] };
  const shape = schema.shape ?? schema.options?.find((o) => o.shape && field in o.shape)?.shape;
  const fieldSchema = shape?.[field] as { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } } | undefined;
  if (!fieldSchema) return null;
  // An object is never a valid scalar, so the schema answers with its range message.
  const message = fieldSchema.safeParse({}).error?.issues[0]?.message;
  if (!message) return null;
  return message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
}
