/** What the console's middleware leaves on the request context. */
import type { Actor } from '../../services/core/context.ts';
import type { AdminSession } from '../../services/admin-auth/authenticate-session.ts';

export type AdminVariables = {
  requestId: string;
  ip: string;
  userAgent: string;
  session: AdminSession | null;
  actor: Actor | null;
  csrfToken: string;
};

export type AdminEnv = { Variables: AdminVariables };
export const SESSION_COOKIE = 'tw_session';
