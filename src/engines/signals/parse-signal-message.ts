/**
 * One entry point for whatever a webhook or a channel delivers: our JSON format, a TradingView
 * alert, or free text. A body that starts with "{" is JSON (and a broken one is explained,
 * never read as text); our format is recognised by its "symbol" plus one of its price fields.
 */
import { type ParseOptions, type ParseResult } from './parsed-signal.ts';
import { parseJsonSignal } from './parse-json-signal.ts';
import { parseTextSignal } from './parse-text-signal.ts';
import { parseTradingViewAlert } from './parse-tradingview-alert.ts';
import { readJsonBody } from './read-json-body.ts';

export type SignalFormat = 'json' | 'tradingview' | 'text';

const OUR_FIELDS = ['entries', 'entryZone', 'targets', 'stopLoss', 'direction', 'entryType'];

export function detectSignalFormat(value: Record<string, unknown>): Exclude<SignalFormat, 'text'> {
  return 'symbol' in value && OUR_FIELDS.some((f) => f in value) ? 'json' : 'tradingview';
}

/** `body` is the raw text, or a JSON object the HTTP layer already parsed. */
export function parseSignalMessage(body: string | Record<string, unknown>, options: ParseOptions = {}): ParseResult & { format: SignalFormat } {
  if (typeof body === 'string' && !/^\s*\{/.test(body)) return { ...parseTextSignal(body, options), format: 'text' };
  const json = readJsonBody(body);
  if (!json.ok) return { ...json, format: 'tradingview' };
  const format = detectSignalFormat(json.value);
  const result = format === 'json' ? parseJsonSignal(json.value, options) : parseTradingViewAlert(json.value, options);
  return { ...result, format };
}
