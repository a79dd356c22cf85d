import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/logger.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createStaff, get, post, signIn, totpCode } from './helpers.ts';

const API_KEY = 'test-admin-api-key-0123456789abcdef';
const t = useTestDatabase({ config: { ADMIN_API_KEY: API_KEY } });
const app = () => createApp(t.env);

describe('CSRF', () => {
  it('refuses a form post without an Origin, or from another origin, and logs it', async () => {
    const staff = await createStaff(t);
    const who = await signIn(t, app(), staff);
    const missing = await post(app(), '/admin/users/x/notes', { content: 'hi' }, who, { origin: null });
    expect(missing.status).toBe(403);
    const foreign = await post(app(), '/admin/users/x/notes', { content: 'hi' }, who, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const login = await post(app(), '/admin/login', { email: staff.email, password: staff.password }, undefined, { origin: 'https://evil.example' });
    expect(login.status).toBe(403);
    const logs = await t.database.db.select().from(s.securityLogs).where(eq(s.securityLogs.type, 'csrf_failure'));
    expect(logs.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a same-origin form post without the session token', async () => {
    const staff = await createStaff(t);
    const target = await createStaff(t, { role: 'user' });
    const who = await signIn(t, app(), staff);
    const res = await post(app(), `/admin/users/${target.id}/ban`, { reason: 'spam' }, { cookie: who.cookie }, { csrf: 'forged' });
    expect(res.status).toBe(403);
    const [user] = await t.database.db.select().from(s.users).where(eq(s.users.id, target.id));
    expect(user.status).toBe('active');
    const ok = await post(app(), `/admin/users/${target.id}/ban`, { reason: 'spam' }, who);
    expect(ok.status).toBe(303);
  });
});

describe('blocked IPs', () => {
  it('are refused before any work, on pages, sign-in and the API; expired blocks no longer apply', async () => {
    const boss = await createStaff(t, { role: 'superadmin', twoFactor: true });
    const who = await signIn(t, app(), boss);
    const add = await post(app(), '/admin/system/blocked-ips', { ipAddress: '203.0.113.66', reason: 'credential stuffing' }, who);
    expect(add.status).toBe(303);
    const before = (await t.database.db.select().from(s.loginHistory)).length;
    const login = await post(app(), '/admin/login', { email: boss.email, password: boss.password, code: totpCode(boss.secret!, t.clock.now()) }, undefined, { ip: '203.0.113.66' });
    expect(login.status).toBe(403);
    expect((await t.database.db.select().from(s.loginHistory)).length).toBe(before);
    expect((await get(app(), '/admin/login', undefined, '203.0.113.66')).status).toBe(403);
    const api = await app().request('/api/admin/users', { headers: { authorization: `Bearer ${API_KEY}` } }, { incoming: { socket: { remoteAddress: '203.0.113.66' } } });
    expect(api.status).toBe(403);
    expect((await get(app(), '/admin/login', undefined, '203.0.113.67')).status).toBe(200);
    const [row] = await t.database.db.select().from(s.blockedIps).where(eq(s.blockedIps.ipAddress, '203.0.113.66'));
    await t.database.db.update(s.blockedIps).set({ expiresAt: new Date(t.clock.now().getTime() - 1000) }).where(eq(s.blockedIps.id, row.id));
    expect((await get(app(), '/admin/login', undefined, '203.0.113.66')).status).toBe(200);
  });

  it('use the last X-Forwarded-For entry only with TRUST_PROXY', async () => {
    await t.database.db.insert(s.blockedIps).values({ ipAddress: '192.0.2.10', reason: 'test' });
    const headers = { 'x-forwarded-for': '192.0.2.99, 192.0.2.10' };
    expect((await app().request('/admin/login', { headers })).status).toBe(200);
    const trusting = createApp({ ...t.env, config: { ...t.env.config, TRUST_PROXY: true } });
    expect((await trusting.request('/admin/login', { headers })).status).toBe(403);
  });
});

describe('headers', () => {
  it('sends a strict CSP and no-store on console pages, but not on /health', async () => {
    const res = await get(app(), '/admin/login');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await app().request('/health')).headers.get('content-security-policy')).toBeNull();
  });
});

describe('secrets in logs', () => {
  it('never logs passwords, session ids, TOTP secrets, codes or the API key', async () => {
    let output = '';
    const sink = new Writable({ write(chunk, _enc, done) { output += String(chunk); done(); } });
    const logger = createLogger({ level: 'trace', destination: sink });
    const loud = createApp({ ...t.env, logger });
    const boss = await createStaff(t, { role: 'superadmin' });
    const who = await signIn(t, loud, boss);
    const begin = await post(loud, '/admin/account/2fa/begin', {}, who);
    const secret = /id="totp-secret">([A-Z2-7 ]+)</.exec(await begin.text())![1].replace(/ /g, '');
    const code = totpCode(secret, t.clock.now());
    const confirm = await post(loud, '/admin/account/2fa/confirm', { code }, who);
    const backup = /<code>([0-9a-f]{4}-[0-9a-f]{4})<\/code>/.exec(await confirm.text())![1];
    await post(loud, '/admin/login', { email: boss.email, password: 'wrong password!!' });
    await loud.request('/api/admin/users', { headers: { authorization: `Bearer ${API_KEY}` } });
    await loud.request('/api/admin/users', { headers: { authorization: 'Bearer not-the-key-not-the-key' } });
    // An unexpected error is logged with its request id, and still without secrets.
    const broken = createApp({ ...t.env, logger, db: { ...t.env.db, select: () => { throw new Error(`boom ${who.cookie}`); } } as never });
    await broken.request('/api/admin/users', { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(output).toContain('admin api error');
    for (const secretValue of [boss.password, who.cookie.split('=')[1], secret, code, backup, API_KEY, 'wrong password!!']) {
      expect(output).not.toContain(secretValue);
    }
  });
});
