/** Small pieces the webhook routes share: the client address and ServiceError → HTTP answer. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { HTTP_STATUS, isServiceError } from '../services/core/errors.ts';

/** The caller's address: the socket peer, or the first X-Forwarded-For hop when TRUST_PROXY is on. */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** A ServiceError as its status and plain sentence; anything else is rethrown to app.onError. */
export function serviceErrorResponse(c: Context, error: unknown): Response {
  if (!isServiceError(error)) throw error;
  const status = HTTP_STATUS[error.code] as 401 | 403 | 404 | 409 | 412 | 422 | 429;
  return c.json({ error: error.message, ...(error.issues.length ? { issues: error.issues } : {}) }, status);
}
