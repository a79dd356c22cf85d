/**
 * Tradewire's own JSON signal format, for providers and for TradingView users who prefer to
 * send targets and a stop. Prices may be numbers or strings ("0.00012345" keeps every digit).
 *
 *   { "symbol": "BTC/USDT", "direction": "long", "entries": ["42000", "41500"],
 *     "targets": ["43000", "44000"], "stopLoss": "40500", "leverage": 5 }
 */
import { z } from 'zod';
import { Decimal } from '../../shared/money.ts';
import { buildSignal } from './build-signal.ts';
import { normalizeTicker } from './find-pair.ts';
import { type ParseOptions, type ParseResult, DEFAULT_PARSE_OPTIONS, failParse } from './parsed-signal.ts';
import { readJsonBody } from './read-json-body.ts';

const isPositiveNumber = (v: number | string): boolean =>
  typeof v === 'number' ? Number.isFinite(v) && v > 0 : /^\s*\d+(\.\d+)?\s*$/.test(v) && new Decimal(v.trim()).gt(0);

const price = z
  .union([z.number(), z.string()], { error: 'must be a number, e.g. 42000.5 or "42000.5"' })
  .refine(isPositiveNumber, { error: 'must be a positive number, e.g. 42000.5 or "42000.5"' });

const prices = (what: string) => z.array(price, { error: `must be a list of prices, e.g. [${what}]` }).max(20, { error: 'at most 20 prices' });

export const signalJsonSchema = z.strictObject({
  symbol: z.string({ error: 'is required: the pair, e.g. "BTC/USDT"' }).min(2).max(40),
  direction: z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(['long', 'short', 'buy', 'sell'], { error: 'must be long, short, buy or sell' }))
    .optional(),
  entries: prices('"42000", "41500"').optional(),
  entryType: z.enum(['market', 'limit', 'breakout_above', 'breakout_below'], { error: 'must be market, limit, breakout_above or breakout_below' }).optional(),
  entryZone: z.strictObject({ low: price, high: price }).optional(),
  targets: prices('"43000", "44000"').optional(),
  targetSharesPct: z.array(z.number().positive()).max(20).optional(),
  stopLoss: price.nullable().optional(),
  leverage: z.number({ error: 'must be a number, e.g. 10' }).min(1).max(1000).nullable().optional(),
  exchange: z.string().max(60).optional(),
  /** Shared secret; the webhook checks and drops it before the signal is stored. */
  secret: z.string().optional(),
  comment: z.string().max(500).optional(),
});

export type SignalJson = z.infer<typeof signalJsonSchema>;

const dec = (v: number | string): Decimal => new Decimal(typeof v === 'number' ? String(v) : v.trim());

function describeIssues(error: z.ZodError, input: Record<string, unknown>): ParseResult {
  const missing = error.issues.filter((i) => i.path.length === 1 && input[String(i.path[0])] === undefined).map((i) => String(i.path[0]));
  const problems = error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    const where = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return `${where} ${i.message}`;
  });
  return failParse(`The signal JSON is not valid: ${problems.join('; ')}.`, missing);
}

export function parseJsonSignal(body: string | Record<string, unknown>, options: ParseOptions = {}): ParseResult {
  const json = readJsonBody(body);
  if (!json.ok) return json;
  const parsed = signalJsonSchema.safeParse(json.value);
  if (!parsed.success) return describeIssues(parsed.error, json.value);
  const s = parsed.data;
  const defaultQuote = options.defaultQuote === undefined ? DEFAULT_PARSE_OPTIONS.defaultQuote : options.defaultQuote;
  const pair = normalizeTicker(s.symbol, defaultQuote);
  if (!pair) return failParse(`The symbol "${s.symbol}" is not a pair we can read; write it like "BTC/USDT".`, ['symbol']);
  const zone = s.entryZone ? [dec(s.entryZone.low), dec(s.entryZone.high)] : null;
  const direction = s.direction === 'buy' ? 'long' : s.direction === 'sell' ? 'short' : (s.direction ?? null);
  return buildSignal(
    {
      symbol: pair.symbol,
      // Satoshi notation is a free-text convenience; JSON prices are taken as written.
      quote: null,
      direction,
      entries: zone ?? (s.entries ?? []).map(dec),
      entryType: s.entryType ?? ((s.entries?.length ?? 0) === 0 && !zone ? 'market' : 'limit'),
      zone: zone !== null,
      targets: (s.targets ?? []).map(dec),
      targetShares: s.targetSharesPct ? s.targetSharesPct.map((p) => new Decimal(String(p))) : null,
      stop: s.stopLoss === undefined || s.stopLoss === null ? null : { kind: 'price', price: dec(s.stopLoss) },
      leverage: s.leverage ?? null,
      marginMode: null,
      exchange: s.exchange ?? null,
      trailing: null,
      notes: pair.quoteAssumed ? [`the quote currency was not written; assumed ${pair.quote}`] : [],
    },
    options,
  );
}
