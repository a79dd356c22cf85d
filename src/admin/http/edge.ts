/**
 * Middleware shared by the console and its JSON API: a request id, the client address, and
 * blocked IPs refused before anything else runs.
 */
import type { MiddlewareHandler } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { checkIpBlocked } from '../../services/system/check-ip-blocked.ts';
import { clientIp } from '../../http/client-ip.ts';
import { gateCtx } from './context.ts';
import type { AdminEnv } from './types.ts';

export function edgeGuard(env: ServiceEnv): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!c.get('requestId')) c.set('requestId', c.req.header('x-request-id') ?? crypto.randomUUID());
    const ip = clientIp(c, env.config);
    c.set('ip', ip);
    c.set('userAgent', (c.req.header('user-agent') ?? '').slice(0, 512));
    c.set('session', null);
    c.set('actor', null);
    c.set('csrfToken', '');
    const { blocked } = await checkIpBlocked({ ctx: gateCtx(c, env), input: { ip } });
    if (blocked) return c.text('Access from your network address is blocked.', 403);
    await next();
  };
}
