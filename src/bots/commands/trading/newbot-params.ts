/**
 * The few settings /newbot asks for per bot type, in order: the strategy's key parameters, then
 * its risk settings (stop loss, take profit) where the type has them. Every other field keeps
 * the engine's default. Ranges and validation come from the engines' own zod schemas (through
 * validateBotConfig and configFieldRule), so what the wizard accepts is what the engine runs.
 */
import { BOT_TYPES, type BotType } from '../../../engines/types.ts';

export interface WizardParam {
  field: string;
  /** What it means, in plain words. */
  label: string;
  kind: 'int' | 'number' | 'decimal';
  section: 'settings' | 'risk';
  /** May be left out ("none"). */
  optional?: boolean;
  /** Unit after the value: '%', or 'quote' for the pair's quote currency. */
  unit?: '%' | 'quote' | 'candles';
}

const p = (field: string, label: string, kind: WizardParam['kind'], extra: Partial<WizardParam> = {}): WizardParam => ({ field, label, kind, section: 'settings', ...extra });
const risk = (field: string, label: string, kind: WizardParam['kind'], extra: Partial<WizardParam> = {}): WizardParam => p(field, label, kind, { section: 'risk', ...extra });

export const WIZARD_PARAMS: Record<BotType, WizardParam[]> = {
  ai: [
    p('minConfidence', 'Minimum confidence of a signal before it trades (0–100)', 'number'),
    p('positionSizePercent', 'Share of the balance each trade uses', 'number', { unit: '%' }),
    risk('stopLossPercent', 'Stop loss below the entry', 'number', { unit: '%', optional: true }),
    risk('takeProfitPercent', 'Take profit above the entry', 'number', { unit: '%', optional: true }),
  ],
  signal: [
    p('positionSizePercent', 'Share of the balance each signal uses', 'number', { unit: '%' }),
    p('maxOpenTrades', 'Most trades open at once', 'int'),
    risk('defaultStopLossPercent', 'Stop loss for signals that come without one', 'number', { unit: '%', optional: true }),
  ],
  dca: [
    p('baseOrderSize', 'First order of each deal', 'decimal', { unit: 'quote' }),
    p('safetyOrderSize', 'First safety order (bought as the price drops)', 'decimal', { unit: 'quote' }),
    p('maxSafetyOrders', 'Most safety orders per deal', 'int'),
    p('priceDeviationPercent', 'Drop from the entry before the first safety order', 'number', { unit: '%' }),
    risk('takeProfitPercent', 'Take profit above the average entry', 'number', { unit: '%' }),
    risk('stopLossPercent', 'Stop loss below the average entry', 'number', { unit: '%', optional: true }),
  ],
  grid: [
    p('lowerPrice', 'Lowest price of the grid', 'decimal', { unit: 'quote' }),
    p('upperPrice', 'Highest price of the grid', 'decimal', { unit: 'quote' }),
    p('gridLevels', 'Price levels, both bounds included', 'int'),
    p('investment', 'Money the grid may use', 'decimal', { unit: 'quote' }),
    risk('stopLossPrice', 'Sell everything below this price', 'decimal', { unit: 'quote', optional: true }),
  ],
  arbitrage: [
    p('minProfitPercent', 'Smallest spread worth trading, after fees', 'number', { unit: '%' }),
    p('maxTradeQuote', 'Largest trade', 'decimal', { unit: 'quote' }),
  ],
  pump_screener: [
    p('windowCandles', 'Candles the jump is measured over', 'int', { unit: 'candles' }),
    p('priceChangePercent', 'Price jump that counts as a pump', 'number', { unit: '%' }),
    p('volumeChangePercent', 'Volume jump that counts as a pump', 'number', { unit: '%' }),
  ],
  scalping: [
    p('bollingerPeriod', 'Bollinger band length', 'int', { unit: 'candles' }),
    p('rsiOversold', 'RSI level that counts as oversold', 'number'),
    p('positionSizePercent', 'Share of the balance each trade uses', 'number', { unit: '%' }),
    risk('takeProfitPercent', 'Take profit above the entry', 'number', { unit: '%' }),
    risk('stopLossPercent', 'Stop loss below the entry', 'number', { unit: '%' }),
  ],
  combo: [
    p('baseOrderSize', 'First order of each deal', 'decimal', { unit: 'quote' }),
    p('safetyOrderSize', 'First safety order', 'decimal', { unit: 'quote' }),
    p('maxSafetyOrders', 'Most safety orders per deal', 'int'),
    p('gridLevels', 'Take-profit levels of the sell grid', 'int'),
    risk('firstTakeProfitPercent', 'First take-profit level above the average entry', 'number', { unit: '%' }),
    risk('lastTakeProfitPercent', 'Last take-profit level above the average entry', 'number', { unit: '%' }),
    risk('stopLossPercent', 'Stop loss below the average entry', 'number', { unit: '%', optional: true }),
  ],
};

/** Rough size of one US dollar in a quote currency, so suggested amounts make sense on ETH/BTC too. */
const PER_DOLLAR: Record<string, number> = { BTC: 1 / 50_000, ETH: 1 / 2_500, BNB: 1 / 500 };

/** A suggested amount of `dollars`, in the quote currency, with 2 significant digits off the dollar. */
export function scaled(dollars: number, quote: string): string {
  const rate = Object.hasOwn(PER_DOLLAR, quote) ? PER_DOLLAR[quote] : undefined;
  return rate ? String(Number((dollars * rate).toPrecision(2))) : String(dollars);
}

/** Required fields without an engine default get these; the rest start at the engine's defaults. */
export function starterConfig(type: BotType, ctx: { exchange?: string; lastPrice?: number | null; quote?: string }): Record<string, unknown> {
  const money = (dollars: number) => scaled(dollars, ctx.quote ?? 'USDT');
  switch (type) {
    case 'ai':
      return { stopLossPercent: 3, takeProfitPercent: 6 };
    case 'signal':
      return { defaultStopLossPercent: 5 };
    case 'dca':
      return { baseOrderSize: money(20), safetyOrderSize: money(20), takeProfitPercent: 1.5 };
    case 'combo':
      return { baseOrderSize: money(40), safetyOrderSize: money(40) };
    case 'grid':
      return { ...gridAround(ctx.lastPrice), gridLevels: 11, investment: money(900) };
    case 'arbitrage': {
      const first = ctx.exchange ?? 'binance';
      return { venues: [first, first === 'okx' ? 'binance' : 'okx'], maxTradeQuote: money(200) };
    }
    default:
      return {};
  }
}

/** ±10 % around the last price, rounded to 3 significant digits. */
function gridAround(last: number | null | undefined): Record<string, string> {
  if (!last || !Number.isFinite(last) || last <= 0) return {};
  const round = (v: number) => String(Number(v.toPrecision(3)));
  return { lowerPrice: round(last * 0.9), upperPrice: round(last * 1.1) };
}

export function isBotType(value: string): value is BotType {
  return (BOT_TYPES as readonly string[]).includes(value);
}

/** Words for "leave it out" on optional settings. */
export const NONE_WORDS = ['none', 'no', 'off', 'skip', '-'];

/**
 * Read an answer as the value the schema expects: a plain number (decimals stay text, exactly as
 * typed), "none" for an optional setting, or null when it is not a number at all.
 */
export function readAnswer(param: WizardParam, text: string): { value: unknown } | { none: true } | null {
  const t = text.trim().toLowerCase();
  if (NONE_WORDS.includes(t)) return param.optional ? { none: true } : null;
  if (!/^-?\d{1,12}(\.\d{1,12})?$/.test(t)) return null;
  return { value: param.kind === 'decimal' ? t.replace(/^(-?)0+(?=\d)/, '$1') : Number(t) };
}
