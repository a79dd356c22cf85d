/** ccxt's error classes, translated into ours: retry later, or stop with a plain reason. */
import ccxt from 'ccxt';
import { redactText } from '../../logger.ts';
import { ExchangeError } from '../types.ts';

export function translateCcxtError(error: unknown, venue: string): ExchangeError {
  if (error instanceof ExchangeError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const message = redactText(raw).slice(0, 300);
  const is = (cls: unknown) => typeof cls === 'function' && error instanceof (cls as new () => Error);
  if (is(ccxt.RateLimitExceeded) || is(ccxt.DDoSProtection)) return new ExchangeError('rate_limit', `${venue} is rate limiting us; will retry.`, true);
  if (is(ccxt.RequestTimeout) || is(ccxt.ExchangeNotAvailable) || is(ccxt.OnMaintenance)) return new ExchangeError('unavailable', `${venue} is not answering (${message}); will retry.`, true);
  if (is(ccxt.NetworkError)) return new ExchangeError('network', `Network error talking to ${venue}; will retry.`, true);
  if (is(ccxt.AuthenticationError)) return new ExchangeError('auth', `${venue} rejected the API key. Check the key, secret and passphrase.`, false);
  if (is(ccxt.PermissionDenied) || is(ccxt.AccountSuspended)) return new ExchangeError('permission', `${venue} refused: the API key lacks permission (${message}).`, false);
  if (is(ccxt.InsufficientFunds)) return new ExchangeError('insufficient_funds', `Not enough balance on ${venue} for this order.`, false);
  if (is(ccxt.BadSymbol)) return new ExchangeError('bad_symbol', `${venue} does not trade this pair.`, false);
  if (is(ccxt.InvalidOrder) || is(ccxt.BadRequest) || is(ccxt.ArgumentsRequired)) return new ExchangeError('invalid_order', `${venue} rejected the order: ${message}`, false);
  return new ExchangeError('unknown', `${venue} error: ${message}`, false);
}
