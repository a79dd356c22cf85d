/** Small pieces the webhook routes share: the client address and ServiceError → HTTP answer. */
import type { Config } from '../config.ts';
import { clientIp as socketOrProxyIp } from './client-ip.ts';
import type { Context } from 'hono';
import { HTTP_STATUS, isServiceError } from '../services/core/errors.ts';

/**
 * The caller's address, or null without a socket (app.request() in tests). One rule for the
 * whole app, shared with the console (client-ip.ts): with TRUST_PROXY, the last
 * X-Forwarded-For entry, the one our proxy added; the first entries are the caller's to forge,
 * so an IP allow-list must never trust them.
 */
export function clientIp(c: Context, config: Config): string | null {
  const ip = socketOrProxyIp(c, config);
  return ip === 'unknown' ? null : ip;
}

/** A ServiceError as its status and plain sentence; anything else is rethrown to app.onError. */
export function serviceErrorResponse(c: Context, error: unknown): Response {
  if (!isServiceError(error)) throw error;
  const status = HTTP_STATUS[error.code] as 401 | 403 | 404 | 409 | 412 | 422 | 429;
  return c.json({ error: error.message, ...(error.issues.length ? { issues: error.issues } : {}) }, status);
}
