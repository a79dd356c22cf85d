/**
 * JSON API authentication: `Authorization: Bearer <ADMIN_API_KEY>` (or `X-Admin-Api-Key`) acts
 * as the superadmin service account; otherwise the console session cookie. Cookie-authenticated
 * writes must be JSON (a cross-site form cannot send that), and restricted sessions (2FA or a
 * password change pending) are refused with 412.
 */
import type { MiddlewareHandler } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { equalSecrets } from '../../services/admin-auth/secrets.ts';
import { ensureApiKeyUser } from '../../services/admin-auth/ensure-api-key-user.ts';
import { API_KEY_USER_ID } from '../../services/admin-auth/policy.ts';
import { recordSecurityEvent } from '../../services/system/record-security-event.ts';
import { gateCtx } from './context.ts';
import { requiredDetour, resolveSession } from './session.ts';
import type { AdminEnv } from './types.ts';

export function apiAuth(env: ServiceEnv): MiddlewareHandler<AdminEnv> {
  let ensured: Promise<unknown> | null = null;
  return async (c, next) => {
    const header = c.req.header('authorization');
    const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : c.req.header('x-admin-api-key');
    if (key !== undefined) {
      if (!env.config.ADMIN_API_KEY || !equalSecrets(key, env.config.ADMIN_API_KEY)) {
        await recordSecurityEvent({ ctx: gateCtx(c, env), input: { type: 'auth_failure', ip: c.get('ip'), userAgent: c.get('userAgent'), metadata: { reason: 'bad_api_key', path: c.req.path } } });
        return c.json({ error: { code: 'UNAUTHORIZED', message: 'That API key is not valid.', issues: [] } }, 401);
      }
      ensured ??= ensureApiKeyUser({ ctx: gateCtx(c, env), input: {} }).catch((error) => {
        ensured = null;
        throw error;
      });
      await ensured;
      c.set('actor', { kind: 'admin', userId: API_KEY_USER_ID, role: 'superadmin', ip: c.get('ip'), via: 'api_key' });
      return next();
    }
    const session = await resolveSession(c, env);
    if (!session) return c.json({ error: { code: 'UNAUTHORIZED', message: 'Sign in to the console or send an API key.', issues: [] } }, 401);
    if (requiredDetour(session)) {
      return c.json({ error: { code: 'PRECONDITION_FAILED', message: 'Finish your account setup in the console first (two-factor authentication or a new password).', issues: [] } }, 412);
    }
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    if (unsafe && !(c.req.header('content-type') ?? '').startsWith('application/json')) {
      return c.json({ error: { code: 'VALIDATION', message: 'Send a JSON body (Content-Type: application/json).', issues: [] } }, 415);
    }
    return next();
  };
}
