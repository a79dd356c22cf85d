/**
 * Resolve the session cookie to a staff actor. Pages other than sign-in and setup need one;
 * a session that must first enable 2FA (superadmins) or change its password reaches only that
 * page. Unsafe requests must carry the session's CSRF token.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ServiceEnv } from '../../services/core/context.ts';
import { authenticateAdminSession, type AdminSession } from '../../services/admin-auth/authenticate-session.ts';
import { recordSecurityEvent } from '../../services/system/record-security-event.ts';
import { gateCtx } from './context.ts';
import { csrfTokenFor, sameToken } from './csrf.ts';
import { SESSION_COOKIE, type AdminEnv } from './types.ts';

const PUBLIC = [/^\/admin\/login$/, /^\/admin\/setup\/[^/]+$/, /^\/admin\/static\//];

export function setSessionCookie(c: Context, env: ServiceEnv, token: string, expiresAt: Date): void {
  const secure = new URL(c.req.url).protocol === 'https:' || (env.config.PUBLIC_URL?.startsWith('https:') ?? false);
  // Max-Age rather than Expires: a browser whose clock is off still keeps the cookie as long as we do.
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - env.clock.now().getTime()) / 1000));
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export async function resolveSession(c: Context<AdminEnv>, env: ServiceEnv): Promise<AdminSession | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 200) return null;
  const session = await authenticateAdminSession({ ctx: gateCtx(c, env), input: { token } });
  if (!session) return null;
  c.set('session', session);
  c.set('csrfToken', csrfTokenFor(token));
  c.set('actor', { kind: 'admin', userId: session.userId, role: session.role, sessionId: session.sessionId, ip: c.get('ip'), via: 'session' });
  return session;
}

/** Where a restricted session must go first, or null when it may go anywhere. */
export function requiredDetour(session: AdminSession): string | null {
  if (session.mustChangePassword) return '/admin/account/password';
  if (session.mustSetUpTwoFactor) return '/admin/account/2fa';
  return null;
}

export function consoleSession(env: ServiceEnv): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const session = await resolveSession(c, env);
    if (PUBLIC.some((p) => p.test(path))) return next();
    if (!session) {
      if (getCookie(c, SESSION_COOKIE)) clearSessionCookie(c);
      const nextPath = c.req.method === 'GET' ? `?next=${encodeURIComponent(path)}` : '';
      return c.redirect(`/admin/login${nextPath}`, 303);
    }
    const detour = requiredDetour(session);
    if (detour && !path.startsWith(detour) && path !== '/admin/logout') return c.redirect(detour, 303);
    if (!['GET', 'HEAD'].includes(c.req.method)) {
      const body = await c.req.parseBody();
      const sent = typeof body._csrf === 'string' ? body._csrf : c.req.header('x-csrf-token') ?? '';
      if (!sameToken(sent, c.get('csrfToken'))) {
        await recordSecurityEvent({
          ctx: gateCtx(c, env),
          input: { type: 'csrf_failure', ip: c.get('ip'), userAgent: c.get('userAgent'), userId: session.userId, metadata: { path, reason: 'bad_token' } },
        });
        return c.text('This form has expired or did not come from the console. Go back, reload the page and try again.', 403);
      }
    }
    await next();
  };
}
