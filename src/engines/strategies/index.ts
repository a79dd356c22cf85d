/**
 * The strategy engine of every bot type. The runner looks the engine up by the bot's type,
 * parses the stored config with its configSchema (parseBotConfig), and calls decide() each cycle.
 */
import type { z } from 'zod';
import type { BotType, StrategyEngine } from '../types.ts';
import { describeConfigError } from '../config-fields.ts';
import { aiEngine } from './ai/engine.ts';
import { arbitrageEngine } from './arbitrage/engine.ts';
import { comboEngine } from './combo/engine.ts';
import { dcaEngine } from './dca/engine.ts';
import { gridEngine } from './grid/engine.ts';
import { pumpScreenerEngine } from './pump-screener/engine.ts';
import { scalpingEngine } from './scalping/engine.ts';
import { signalEngine } from './signal/engine.ts';

export const strategyEngines: Record<BotType, StrategyEngine<any, any>> = {
  ai: aiEngine,
  signal: signalEngine,
  dca: dcaEngine,
  grid: gridEngine,
  arbitrage: arbitrageEngine,
  pump_screener: pumpScreenerEngine,
  scalping: scalpingEngine,
  combo: comboEngine,
};

export type ParsedConfig = { ok: true; config: unknown } | { ok: false; message: string; issues: z.core.$ZodIssue[] };

/** Validates a bot's config for its type; the message names each field and its allowed range. */
export function parseBotConfig(type: BotType, raw: unknown): ParsedConfig {
  const result = strategyEngines[type].configSchema.safeParse(raw);
  return result.success ? { ok: true, config: result.data } : { ok: false, message: describeConfigError(result.error), issues: result.error.issues };
}

export { aiEngine, arbitrageEngine, comboEngine, dcaEngine, gridEngine, pumpScreenerEngine, scalpingEngine, signalEngine };
