/**
 * TradingView alert webhooks. TradingView posts the alert message as written by the user, with
 * its {{placeholders}} replaced (docs/signal-formats.md has a template to paste). We accept the
 * placeholder names as nested objects ({"strategy":{"order":{"action":…}}}), as dotted keys
 * ({"strategy.order.action":…}), in the common "order_action" spelling, and as plain keys
 * (action, price, close, ticker, contracts).
 */
import { Decimal } from '../../shared/money.ts';
import { buildSignal } from './build-signal.ts';
import { normalizeTicker } from './find-pair.ts';
import { type ParseFailure, type ParseOptions, type ParseResult, DEFAULT_PARSE_OPTIONS, failParse } from './parsed-signal.ts';
import { explainPlaceholder, readJsonBody } from './read-json-body.ts';

type Position = 'long' | 'short' | 'flat';

export interface TradingViewAlert {
  symbol: string | null; // 'BTC/USDT'
  ticker: string | null; // as sent, e.g. 'BINANCE:BTCUSDT.P'
  exchange: string | null;
  action: 'buy' | 'sell' | null;
  price: Decimal | null;
  contracts: Decimal | null;
  orderId: string | null;
  marketPosition: Position | null;
  prevMarketPosition: Position | null;
  /** 'entry' opens or adds to a position; 'exit' reduces or closes one (market position flat or against the order). */
  kind: 'entry' | 'exit';
  stopLoss: Decimal | null;
  targets: Decimal[];
  leverage: number | null;
  /** The shared secret inside the message (passphrase/secret/key/token), for the webhook to check. */
  secret: string | null;
  time: string | null;
}

const FIELDS = {
  ticker: ['ticker', 'symbol', 'pair', 'instrument'],
  exchange: ['exchange'],
  action: ['strategy.order.action', 'strategy.order_action', 'order_action', 'order.action', 'action', 'side', 'signal'],
  price: ['strategy.order.price', 'strategy.order_price', 'order_price', 'order.price', 'price', 'entry', 'close', 'bar.close'],
  contracts: ['strategy.order.contracts', 'strategy.order_contracts', 'order_contracts', 'order.contracts', 'contracts', 'quantity', 'qty', 'size'],
  orderId: ['strategy.order.id', 'strategy.order_id', 'order_id', 'order.id', 'id'],
  marketPosition: ['strategy.market_position', 'market_position', 'position'],
  prevMarketPosition: ['strategy.prev_market_position', 'prev_market_position', 'prev_position'],
  stopLoss: ['stopLoss', 'stop_loss', 'stop', 'sl'],
  targets: ['targets', 'takeProfit', 'take_profit', 'tp'],
  leverage: ['leverage', 'lev'],
  secret: ['passphrase', 'secret', 'key', 'token'],
  time: ['timenow', 'time'],
} as const;

/** Value at a dotted path, trying nested objects first, then a literal dotted key. */
function pick(obj: Record<string, unknown>, paths: readonly string[]): unknown {
  for (const path of paths) {
    if (obj[path] !== undefined && obj[path] !== '') return obj[path];
    let cur: unknown = obj;
    for (const part of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
    if (cur !== undefined && cur !== '' && cur !== null) return cur;
  }
  return undefined;
}

class AlertError extends Error {}

function toText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  const placeholder = explainPlaceholder(text);
  if (placeholder) throw new AlertError(placeholder);
  return text === '' ? null : text;
}

function toNumber(value: unknown, field: string): Decimal | null {
  const text = toText(value);
  if (text === null) return null;
  if (!/^\d+(\.\d+)?$/.test(text.replace(/^\+/, ''))) throw new AlertError(`The ${field} "${text}" is not a positive number.`);
  return new Decimal(text.replace(/^\+/, ''));
}

function toPosition(value: unknown): Position | null {
  const text = toText(value)?.toLowerCase() ?? null;
  return text === 'long' || text === 'short' || text === 'flat' ? text : null;
}

/** The alert's fields, read and checked; exits included (the webhook may close a position). */
export function readTradingViewAlert(body: string | Record<string, unknown>, options: ParseOptions = {}): { ok: true; alert: TradingViewAlert } | ParseFailure {
  const json = readJsonBody(body);
  if (!json.ok) return json;
  const o = json.value;
  try {
    const ticker = toText(pick(o, FIELDS.ticker));
    const rawAction = toText(pick(o, FIELDS.action))?.toLowerCase() ?? null;
    const action = rawAction === 'buy' || rawAction === 'long' ? 'buy' : rawAction === 'sell' || rawAction === 'short' ? 'sell' : null;
    const missing = [...(ticker ? [] : ['ticker']), ...(action ? [] : ['action'])];
    if (missing.length) {
      const what = missing.map((m) => (m === 'ticker' ? 'the ticker ("ticker": "{{ticker}}")' : 'the action ("action": "{{strategy.order.action}}", buy or sell)'));
      return failParse(`The alert does not say ${what.join(' or ')}.`, missing);
    }
    const pair = normalizeTicker(ticker!, options.defaultQuote === undefined ? DEFAULT_PARSE_OPTIONS.defaultQuote : options.defaultQuote);
    const marketPosition = toPosition(pick(o, FIELDS.marketPosition));
    const prevMarketPosition = toPosition(pick(o, FIELDS.prevMarketPosition));
    const rawTargets = pick(o, FIELDS.targets);
    const targets = (Array.isArray(rawTargets) ? rawTargets : rawTargets === undefined ? [] : [rawTargets]).map((t) => toNumber(t, 'target')!).filter(Boolean);
    const leverage = toNumber(pick(o, FIELDS.leverage), 'leverage');
    return {
      ok: true,
      alert: {
        symbol: pair?.symbol ?? null,
        ticker,
        exchange: toText(pick(o, FIELDS.exchange)) ?? (ticker!.includes(':') ? ticker!.split(':')[0] : null),
        action: action!,
        price: toNumber(pick(o, FIELDS.price), 'price'),
        contracts: toNumber(pick(o, FIELDS.contracts), 'contracts'),
        orderId: toText(pick(o, FIELDS.orderId)),
        marketPosition,
        prevMarketPosition,
        kind: alertKind(action!, marketPosition, prevMarketPosition),
        stopLoss: toNumber(pick(o, FIELDS.stopLoss), 'stop loss'),
        targets,
        leverage: leverage ? leverage.toNumber() : null,
        secret: toText(pick(o, FIELDS.secret)),
        time: toText(pick(o, FIELDS.time)),
      },
    };
  } catch (error) {
    if (error instanceof AlertError) return failParse(error.message);
    throw error;
  }
}

/**
 * A strategy alert fires for exits too. After the order the position is flat (closed), or on
 * the same side as before while the order went the other way (reduced): both are exits.
 */
function alertKind(action: 'buy' | 'sell', position: Position | null, prev: Position | null): 'entry' | 'exit' {
  if (position === 'flat') return 'exit';
  const orderSide = action === 'buy' ? 'long' : 'short';
  if (position && position === prev && position !== orderSide) return 'exit';
  return 'entry';
}

/** A TradingView alert as a new signal: a market entry at the alert's price. Exits are failures that say so. */
export function parseTradingViewAlert(body: string | Record<string, unknown>, options: ParseOptions = {}): ParseResult {
  const read = readTradingViewAlert(body, options);
  if (!read.ok) return read;
  const a = read.alert;
  if (a.kind === 'exit') {
    const closes = a.marketPosition === 'flat' ? 'closes' : 'reduces';
    const side = a.prevMarketPosition && a.prevMarketPosition !== 'flat' ? `${a.prevMarketPosition.toUpperCase()} ` : '';
    return failParse(`This alert ${closes} a ${side}position (strategy.market_position is ${a.marketPosition}); it is not a new signal.`);
  }
  const direction = a.marketPosition === 'long' || a.marketPosition === 'short' ? a.marketPosition : a.action === 'buy' ? 'long' : 'short';
  return buildSignal(
    {
      symbol: a.symbol,
      quote: a.symbol ? a.symbol.split('/')[1] : null,
      direction,
      entries: a.price ? [a.price] : [],
      entryType: 'market',
      zone: false,
      targets: a.targets,
      targetShares: null,
      stop: a.stopLoss ? { kind: 'price', price: a.stopLoss } : null,
      leverage: a.leverage,
      marginMode: null,
      exchange: a.exchange,
      trailing: null,
      notes: [],
      // A strategy alert usually carries no target or stop: the strategy exits by its own alert.
      exitsRequired: false,
    },
    options,
  );
}
