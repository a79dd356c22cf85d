/**
 * CSRF defence in two layers for the console's forms: Hono's origin check (Origin or
 * Sec-Fetch-Site must be ours) on every unsafe request, and a per-session token in each form
 * (`_csrf`), derived from the session id so nothing extra is stored. Webhooks never pass here.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { Config } from '../../config.ts';
import type { AdminEnv } from './types.ts';

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function originCheck(config: Config): MiddlewareHandler<AdminEnv> {
  const publicOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : null;
  return csrf({ origin: (origin, c: Context) => origin === new URL(c.req.url).origin || origin === publicOrigin });
}
