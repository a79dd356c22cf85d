/** ccxt's error classes, translated into ours: retry later, or stop with a plain reason. */
import { redactText } from '../../logger.ts';
import { ExchangeError } from '../types.ts';

/**
 * `secrets` are the connection's own key, secret and passphrase: a venue may echo them back in an
 * error body, and ccxt puts the body in its message; they never reach a log or a stored message.
 */
export function translateCcxtError(error: unknown, venue: string, secrets: (string | undefined | null)[] = []): ExchangeError {
  if (error instanceof ExchangeError) return error;
  let raw = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) if (secret && secret.length >= 6) raw = raw.split(secret).join('[REDACTED]');
  const message = redactText(raw).slice(0, 300);
  const names = ccxtErrorNames(error);
  const is = (name: string) => names.has(name);
  if (is('RateLimitExceeded') || is('DDoSProtection')) return new ExchangeError('rate_limit', `${venue} is rate limiting us; will retry.`, true);
  if (is('RequestTimeout') || is('ExchangeNotAvailable') || is('OnMaintenance')) return new ExchangeError('unavailable', `${venue} is not answering (${message}); will retry.`, true);
  if (is('NetworkError')) return new ExchangeError('network', `Network error talking to ${venue}; will retry.`, true);
  if (is('AuthenticationError')) return new ExchangeError('auth', `${venue} rejected the API key. Check the key, secret and passphrase.`, false);
  if (is('PermissionDenied') || is('AccountSuspended')) return new ExchangeError('permission', `${venue} refused: the API key lacks permission (${message}).`, false);
  if (is('InsufficientFunds')) return new ExchangeError('insufficient_funds', `Not enough balance on ${venue} for this order.`, false);
  if (is('BadSymbol')) return new ExchangeError('bad_symbol', `${venue} does not trade this pair.`, false);
  if (is('InvalidOrder') || is('BadRequest') || is('ArgumentsRequired')) return new ExchangeError('invalid_order', `${venue} rejected the order: ${message}`, false);
  return new ExchangeError('unknown', `${venue} error: ${message}`, false);
}

/** The class names along a ccxt error's prototype chain (ccxt is loaded lazily, so no instanceof). */
export function ccxtErrorNames(error: unknown): Set<string> {
  const names = new Set<string>();
  for (let p = error && typeof error === 'object' ? Object.getPrototypeOf(error) : null; p && p !== Error.prototype; p = Object.getPrototypeOf(p)) {
    names.add(p.constructor.name);
  }
  return names;
}
