/**
 * The admin console, mounted at /admin: server-rendered pages (hono/jsx), forms without client
 * JavaScript, a strict CSP, CSRF checks on every form, sessions in httpOnly SameSite=Strict
 * cookies. Pages call service verbs only.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { ServiceEnv } from '../services/core/context.ts';
import { originCheck } from './http/csrf.ts';
import { edgeGuard } from './http/edge.ts';
import { consoleErrorHandler } from './http/respond.tsx';
import { consoleSession } from './http/session.ts';
import type { AdminEnv } from './http/types.ts';
import { registerAccountPages } from './pages/account.tsx';
import { registerAuthPages } from './pages/auth.tsx';
import { registerBotPages } from './pages/bots.tsx';
import { registerContentPages } from './pages/content.tsx';
import { registerDashboardPage } from './pages/dashboard.tsx';
import { registerSignalPages } from './pages/signals.tsx';
import { registerSupportPages } from './pages/support.tsx';
import { registerSystemPages } from './pages/system.tsx';
import { registerTenantPages } from './pages/tenants.tsx';
import { registerUserPages } from './pages/users.tsx';

const CSS = readFileSync(new URL('./static/admin.css', import.meta.url), 'utf8');

export const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

export function createAdminRoutes(env: ServiceEnv): Hono<AdminEnv> {
  const admin = new Hono<AdminEnv>();
  admin.use('*', edgeGuard(env));
  admin.use('*', secureHeaders({ contentSecurityPolicy: CONSOLE_CSP, referrerPolicy: 'no-referrer' }));
  admin.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', c.req.path.startsWith('/admin/static/') ? 'public, max-age=3600' : 'no-store');
  });
  admin.get('/static/admin.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  admin.use('*', originCheck(env.config));
  admin.use('*', consoleSession(env));
  admin.onError(consoleErrorHandler(env));

  registerAuthPages(admin, env);
  registerAccountPages(admin, env);
  registerDashboardPage(admin, env);
  registerUserPages(admin, env);
  registerSupportPages(admin, env);
  registerBotPages(admin, env);
  registerSignalPages(admin, env);
  registerTenantPages(admin, env);
  registerContentPages(admin, env);
  registerSystemPages(admin, env);
  return admin;
}
