/**
 * The JSON API at /api/admin/*: the console's verbs for scripts. Same roles and audit as the
 * pages; errors are `{ error: { code, message, issues: [{ field, message }] } }` with the status
 * of the ServiceError code. See docs/admin-console.md for every route.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ServiceContext, ServiceEnv } from '../services/core/context.ts';
import { HTTP_STATUS, invalid, isServiceError } from '../services/core/errors.ts';
import { apiAuth } from './http/api-auth.ts';
import { adminCtx } from './http/context.ts';
import { edgeGuard } from './http/edge.ts';
import type { AdminEnv } from './http/types.ts';
import { API_ROUTES } from './api-routes.ts';

export type ApiInput = (c: Context<AdminEnv>, body: Record<string, unknown>) => unknown;
export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  verb: (args: { ctx: ServiceContext; input: any }) => Promise<unknown>;
  input: ApiInput;
}

export function createAdminApi(env: ServiceEnv): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.use('*', edgeGuard(env));
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  api.use('*', apiAuth(env));
  for (const route of API_ROUTES) {
    api[route.method](route.path, async (c) => {
      const body = route.method === 'get' || route.method === 'delete' ? {} : await readJson(c);
      const result = await route.verb({ ctx: adminCtx(c, env), input: route.input(c, body) });
      return c.json(result ?? { ok: true });
    });
  }
  api.all('*', (c) => c.json({ error: { code: 'NOT_FOUND', message: 'No such API route.', issues: [] } }, 404));
  api.onError((error, c) => {
    if (isServiceError(error)) {
      return c.json({ error: { code: error.code, message: error.message, issues: error.issues } }, HTTP_STATUS[error.code] as ContentfulStatusCode);
    }
    env.logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'admin api error');
    return c.json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. It has been logged.', requestId: c.get('requestId'), issues: [] } }, 500);
  });
  return api;
}

async function readJson(c: Context<AdminEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw invalid('The body must be a JSON object.');
}
