/** Build a service context from a console or API request. */
import type { Context } from 'hono';
import type { ServiceContext, ServiceEnv } from '../../services/core/context.ts';
import { unauthorized } from '../../services/core/errors.ts';
import type { AdminEnv } from './types.ts';

export function adminCtx(c: Context<AdminEnv>, env: ServiceEnv): ServiceContext {
  const actor = c.get('actor');
  if (!actor) throw unauthorized();
  return { actor, requestId: c.get('requestId'), env };
}

/** The console's own gatekeeping (login, sessions, setup links) runs as a system actor. */
export function gateCtx(c: Context<AdminEnv>, env: ServiceEnv): ServiceContext {
  return { actor: { kind: 'system', job: 'admin-console' }, requestId: c.get('requestId'), env };
}
