/**
 * Authenticating a signal webhook request against its provider (rules in provider-config.ts).
 * Comparisons are constant-time. Returns null when the request is authentic, otherwise the
 * reason (logged, never echoed in detail to the caller).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ipAllowed, SIGNATURE_WINDOW_MS, type ProviderConfig } from './provider-config.ts';

export interface SignalRequestCredentials {
  ip: string | null;
  timestamp: string | null;
  signature: string | null;
  urlToken: string | null;
  bodyToken: string | null;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  // timingSafeEqual needs equal lengths; compare against itself to spend the same time.
  if (x.length !== y.length) {
    timingSafeEqual(y, y);
    return false;
  }
  return timingSafeEqual(x, y);
}

export function signBody(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function authenticateSignalRequest(config: ProviderConfig, secret: string, creds: SignalRequestCredentials, rawBody: string, nowMs: number): string | null {
  if (!ipAllowed(creds.ip, config.allowedIps)) return `address ${creds.ip ?? 'unknown'} is not on the allow-list`;
  if (config.auth === 'hmac') {
    if (!creds.timestamp || !creds.signature) return 'signature or timestamp header missing';
    if (!/^\d{9,13}$/.test(creds.timestamp)) return 'timestamp is not unix time';
    const ts = Number(creds.timestamp);
    const tsMs = ts > 1e11 ? ts : ts * 1000;
    if (Math.abs(nowMs - tsMs) > SIGNATURE_WINDOW_MS) return 'timestamp outside the 5-minute window';
    const given = creds.signature.startsWith('sha256=') ? creds.signature : `sha256=${creds.signature}`;
    return safeEqual(given.toLowerCase(), signBody(secret, creds.timestamp, rawBody)) ? null : 'signature does not match';
  }
  const token = creds.urlToken ?? creds.bodyToken;
  if (!token) return 'secret token missing (?token= or a "secret" field in the body)';
  return safeEqual(token, secret) ? null : 'secret token does not match';
}
