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
