/**
 * Turn a webhook body into what we store: the secret it carries (taken out before parsing and
 * before storing), the format, and either a normalized signal, a TradingView exit, or the
 * reason it is not a signal. Pure: no database, no clock.
 */
import { parseSignalMessage, readTradingViewAlert, type ParsedSignal, type SignalFormat } from '../../engines/signals/index.ts';
import type { Decimal } from '../../shared/money.ts';
import type { ProviderConfig } from './provider-config.ts';

const SECRET_FIELDS = ['secret', 'passphrase', 'key', 'token'];

export interface NormalizedSignal {
  kind: 'entry' | 'exit';
  symbol: string;
  direction: 'long' | 'short';
  action: 'BUY' | 'SELL';
  entryType: string;
  entries: string[];
  entryZone: { low: string; high: string } | null;
  targets: string[];
  targetSharesPct: string[] | null;
  stopLoss: string | null;
  leverage: number | null;
  marginMode: string | null;
  exchange: string | null;
  trailing: ParsedSignal['trailing'];
  notes: string[];
  /** TradingView fields kept for the signal bots (order id, contracts, positions). */
  tradingView?: { orderId: string | null; contracts: string | null; marketPosition: string | null; time: string | null };
}

export type ReadBody =
  | { ok: true; format: SignalFormat; bodyToken: string | null; signal: NormalizedSignal; tvKey: string | null }
  | { ok: false; format: SignalFormat; bodyToken: string | null; reason: string; symbol: string | null; tvKey: string | null };

const str = (d: Decimal | null | undefined): string | null => (d ? d.toFixed() : null);

export function readSignalBody(rawBody: string, config: ProviderConfig): ReadBody {
  const options = { defaultQuote: config.defaultQuote, requireStop: config.requireStop, zoneEntries: config.zoneEntries };
  let body: string | Record<string, unknown> = rawBody;
  let bodyToken: string | null = null;
  if (/^\s*\{/.test(rawBody)) {
    try {
      const value: unknown = JSON.parse(rawBody);
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const object = { ...(value as Record<string, unknown>) };
        for (const field of SECRET_FIELDS) {
          if (typeof object[field] === 'string') {
            bodyToken ??= object[field] as string;
            delete object[field];
          }
        }
        body = object;
      }
    } catch {
      // not JSON after all: parseSignalMessage explains why (typographic quotes, a placeholder left in, …)
    }
  }
  const parsed = parseSignalMessage(body, options);
  const alert = parsed.format === 'tradingview' && typeof body === 'object' ? readTradingViewAlert(body, options) : null;
  const tv = alert?.ok ? alert.alert : null;
  const tvKey = tv?.orderId && tv.time ? `tv:${tv.orderId}:${tv.time}` : null;
  if (parsed.ok) {
    const s = parsed.signal;
    const signal: NormalizedSignal = {
      kind: 'entry',
      symbol: s.symbol,
      direction: s.direction,
      action: s.direction === 'long' ? 'BUY' : 'SELL',
      entryType: s.entryType,
      entries: s.entries.map((e) => e.toFixed()),
      entryZone: s.entryZone ? { low: s.entryZone.low.toFixed(), high: s.entryZone.high.toFixed() } : null,
      targets: s.targets.map((t) => t.toFixed()),
      targetSharesPct: s.targetSharesPct?.map((p) => p.toFixed()) ?? null,
      stopLoss: str(s.stopLoss),
      leverage: s.leverage ?? null,
      marginMode: s.marginMode,
      exchange: s.exchange,
      trailing: s.trailing,
      notes: s.notes,
      ...(tv ? { tradingView: { orderId: tv.orderId, contracts: str(tv.contracts), marketPosition: tv.marketPosition, time: tv.time } } : {}),
    };
    return { ok: true, format: parsed.format, bodyToken, signal, tvKey };
  }
  // A strategy alert that closes or reduces a position is not a new signal, but the signal bots need it.
  if (tv && tv.kind === 'exit' && tv.symbol) {
    const signal: NormalizedSignal = {
      kind: 'exit',
      symbol: tv.symbol,
      direction: tv.prevMarketPosition === 'short' ? 'short' : 'long',
      action: tv.action === 'buy' ? 'BUY' : 'SELL',
      entryType: 'market',
      entries: tv.price ? [tv.price.toFixed()] : [],
      entryZone: null,
      targets: [],
      targetSharesPct: null,
      stopLoss: null,
      leverage: tv.leverage,
      marginMode: null,
      exchange: tv.exchange,
      trailing: null,
      notes: [parsed.reason],
      tradingView: { orderId: tv.orderId, contracts: str(tv.contracts), marketPosition: tv.marketPosition, time: tv.time },
    };
    return { ok: true, format: 'tradingview', bodyToken, signal, tvKey };
  }
  return { ok: false, format: parsed.format, bodyToken, reason: parsed.reason, symbol: tv?.symbol ?? null, tvKey };
}
