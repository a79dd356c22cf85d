/** What the /newbot wizard has gathered so far (stored as the conversation's data), and helpers over it. */
import type { BotType } from '../../../engines/types.ts';
import type { listTemplates } from '../../../services/bots/list-templates.ts';
import { validateBotConfig } from '../../../services/bots/engine-registry.ts';
import type { BOT_EXCHANGES, TIMEFRAMES } from '../../../shared/enums.ts';
import { WIZARD_PARAMS, type WizardParam } from './newbot-params.ts';

export type Venue = (typeof BOT_EXCHANGES)[number];
export type Tf = (typeof TIMEFRAMES)[number];

export type NewbotData = {
  type?: BotType;
  templateId?: string;
  templateName?: string;
  exchange?: Venue;
  pair?: string;
  timeframe?: Tf;
  /** The engine config as entered so far (absent until the pair is known, unless a template gave one). */
  config?: Record<string, unknown>;
  /** Index into the type's wizard params while asking them. */
  at?: number;
  paper?: boolean;
  balance?: string;
  name?: string;
};

export type Template = Awaited<ReturnType<typeof listTemplates>>[number];

export const POPULAR_PAIRS = ['BTC/USDT', 'ETH/USDT', 'SOL/USDT', 'LTC/USDT'];
export const PAIR_PATTERN = /^[A-Z0-9]{2,10}\/[A-Z0-9]{2,10}$/;

/** The wizard's data when starting from a template: its type, config and default settings. */
export function fromTemplate(t: Template): NewbotData {
  const defaults = (t.defaultSettings ?? {}) as { tradingPair?: string; timeframe?: Tf; initialBalance?: string };
  return {
    type: t.type as BotType,
    templateId: t.id,
    templateName: t.name,
    config: { ...(t.config as Record<string, unknown>) },
    pair: defaults.tradingPair,
    timeframe: defaults.timeframe,
    balance: defaults.initialBalance,
  };
}

export function paramsOf(d: NewbotData): WizardParam[] {
  return d.type ? WIZARD_PARAMS[d.type] : [];
}

/** The config with the engine's defaults filled in, or the raw config when it does not parse yet. */
export function effectiveConfig(d: NewbotData): Record<string, unknown> {
  if (!d.type) return d.config ?? {};
  try {
    return validateBotConfig(d.type, d.config ?? {}) as Record<string, unknown>;
  } catch {
    return d.config ?? {};
  }
}

export function quote(d: NewbotData): string {
  return d.pair?.split('/')[1] ?? 'USDT';
}

export function unitOf(param: WizardParam, d: NewbotData): string {
  if (param.unit === 'quote') return ` ${quote(d)}`;
  if (param.unit === '%') return ' %';
  if (param.unit === 'candles') return ' candles';
  return '';
}
