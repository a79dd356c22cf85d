import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { createApp } from '../../src/http/app.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createStaff, csrfFrom, get, post, sessionCookie, signIn, totpCode } from './helpers.ts';

const t = useTestDatabase();
const app = () => createApp(t.env);

describe('console sign-in', () => {
  it('opens a 7-day httpOnly SameSite=Strict session whose id is stored only as a SHA-256', async () => {
    const staff = await createStaff(t);
    const res = await post(app(), '/admin/login', { email: staff.email, password: staff.password });
    expect(res.status).toBe(303);
    const header = res.headers.get('set-cookie')!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Strict/i);
    expect(header).toMatch(/Max-Age=604800/);
    const token = sessionCookie(res)!.split('=')[1];
    const [session] = await t.database.db.select().from(s.sessions).where(eq(s.sessions.userId, staff.id));
    expect(session.refreshToken).toBe(createHash('sha256').update(token).digest('hex'));
    expect(session.refreshToken).not.toContain(token);
    expect(session.expiresAt.getTime() - t.clock.now().getTime()).toBe(7 * 24 * 3600_000);
    const history = await t.database.db.select().from(s.loginHistory).where(eq(s.loginHistory.userId, staff.id));
    expect(history.map((h) => h.success)).toEqual([true]);
    const audit = await t.database.db.select().from(s.auditLogs).where(and(eq(s.auditLogs.userId, staff.id), eq(s.auditLogs.action, 'admin.login')));
    expect(audit).toHaveLength(1);
  });

  it('records a new device once, with a LOGIN_NEW_DEVICE notification', async () => {
    const staff = await createStaff(t);
    await signIn(t, app(), staff);
    await signIn(t, app(), staff);
    const devices = await t.database.db.select().from(s.knownDevices).where(eq(s.knownDevices.userId, staff.id));
    expect(devices).toHaveLength(1);
    expect(devices[0].deviceName).toBe('Chrome on Linux');
    const notes = await t.database.db.select().from(s.notifications).where(and(eq(s.notifications.userId, staff.id), eq(s.notifications.type, 'LOGIN_NEW_DEVICE')));
    expect(notes).toHaveLength(1);
  });

  it('logs an unknown email to security_logs and says nothing about which part was wrong', async () => {
    const res = await post(app(), '/admin/login', { email: 'nobody@example.test', password: 'whatever-whatever' });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('do not match');
    const logs = await t.database.db.select().from(s.securityLogs).where(eq(s.securityLogs.type, 'auth_failure'));
    expect(logs.some((l) => (l.metadata as { email?: string }).email === 'nobody@example.test')).toBe(true);
  });

  it('locks the account after 5 failed attempts, even for the right password, until the lock expires', async () => {
    const staff = await createStaff(t);
    for (let i = 0; i < 4; i++) expect((await post(app(), '/admin/login', { email: staff.email, password: 'wrong password!' })).status).toBe(401);
    const fifth = await post(app(), '/admin/login', { email: staff.email, password: 'wrong password!' });
    expect(fifth.status).toBe(423);
    const [user] = await t.database.db.select().from(s.users).where(eq(s.users.id, staff.id));
    expect(user.lockedUntil!.getTime()).toBe(t.clock.now().getTime() + 15 * 60_000);
    const refused = await post(app(), '/admin/login', { email: staff.email, password: staff.password });
    expect(refused.status).toBe(423);
    expect(sessionCookie(refused)).toBeNull();
    const history = await t.database.db.select().from(s.loginHistory).where(eq(s.loginHistory.userId, staff.id));
    expect(history.filter((h) => h.failureReason === 'bad_password')).toHaveLength(5);
    expect(history.filter((h) => h.failureReason === 'locked')).toHaveLength(1);
    const locked = await t.database.db.select().from(s.notifications).where(and(eq(s.notifications.userId, staff.id), eq(s.notifications.type, 'ACCOUNT_LOCKED')));
    expect(locked).toHaveLength(1);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await post(app(), '/admin/login', { email: staff.email, password: staff.password })).status).toBe(303);
  });

  it('refuses people who are not staff and staff who are banned', async () => {
    const user = await createStaff(t, { role: 'user' });
    expect((await post(app(), '/admin/login', { email: user.email, password: user.password })).status).toBe(401);
    const banned = await createStaff(t);
    await t.database.db.update(s.users).set({ status: 'banned' }).where(eq(s.users.id, banned.id));
    expect((await post(app(), '/admin/login', { email: banned.email, password: banned.password })).status).toBe(401);
  });

  it('sends pages to sign-in without a session, and expired sessions count as none', async () => {
    const res = await get(app(), '/admin/users');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fusers');
    const staff = await createStaff(t);
    const who = await signIn(t, app(), staff);
    expect((await get(app(), '/admin/users', who)).status).toBe(200);
    t.clock.advance(7 * 24 * 3600_000 + 1);
    expect((await get(app(), '/admin/users', who)).status).toBe(303);
    const { purgeExpiredSessions } = await import('../../src/services/admin-auth/purge-expired-sessions.ts');
    const { removed } = await purgeExpiredSessions({ ctx: t.ctx({ kind: 'system', job: 'test' }), input: {} });
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await t.database.db.select().from(s.sessions).where(eq(s.sessions.userId, staff.id))).toHaveLength(0);
  });

  it('lets a suspended staff member back in once the suspension date has passed', async () => {
    const staff = await createStaff(t);
    await t.database.db.update(s.users).set({ status: 'suspended', suspendedUntil: new Date(t.clock.now().getTime() + 3600_000) }).where(eq(s.users.id, staff.id));
    expect((await post(app(), '/admin/login', { email: staff.email, password: staff.password })).status).toBe(401);
    t.clock.advance(3600_000 + 1);
    const who = await signIn(t, app(), staff);
    expect((await get(app(), '/admin/users', who)).status).toBe(200);
  });

  it('revokes: signing out and revoking all sessions make the cookie useless', async () => {
    const staff = await createStaff(t);
    const who = await signIn(t, app(), staff);
    expect((await post(app(), '/admin/logout', {}, who)).status).toBe(303);
    expect((await get(app(), '/admin', who)).status).toBe(303);
    const again = await signIn(t, app(), staff);
    const boss = await createStaff(t, { role: 'superadmin', twoFactor: true });
    const bossWho = await signIn(t, app(), boss);
    expect((await post(app(), `/admin/users/${staff.id}/revoke-sessions`, {}, bossWho)).status).toBe(303);
    expect((await get(app(), '/admin', again)).status).toBe(303);
    expect(await t.database.db.select().from(s.sessions).where(eq(s.sessions.userId, staff.id))).toHaveLength(0);
  });
});

describe('two-factor authentication', () => {
  it('is required for superadmins: until it is on, only the 2FA page and no API', async () => {
    const boss = await createStaff(t, { role: 'superadmin' });
    const who = await signIn(t, app(), boss);
    const res = await get(app(), '/admin/users', who);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/account/2fa');
    const api = await app().request('/api/admin/users', { headers: { cookie: who.cookie } });
    expect(api.status).toBe(412);

    const begin = await post(app(), '/admin/account/2fa/begin', {}, who);
    const html = await begin.text();
    const secret = /id="totp-secret">([A-Z2-7 ]+)</.exec(html)![1].replace(/ /g, '');
    const confirm = await post(app(), '/admin/account/2fa/confirm', { code: totpCode(secret, t.clock.now()) }, who);
    expect(confirm.status).toBe(200);
    const codes = [...(await confirm.text()).matchAll(/<code>([0-9a-f]{4}-[0-9a-f]{4})<\/code>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect((await get(app(), '/admin/users', who)).status).toBe(200);

    const [row] = await t.database.db.select().from(s.twoFactorAuth).where(eq(s.twoFactorAuth.userId, boss.id));
    expect(row.enabled).toBe(true);
    expect(row.secret).not.toContain(secret);
    expect(t.env.keyring.decrypt(row.secret)).toBe(secret);
    expect(row.backupCodes.some((c) => codes.some((code) => c.includes(code)))).toBe(false);

    // Now sign-in needs a code; a backup code works exactly once.
    expect((await post(app(), '/admin/login', { email: boss.email, password: boss.password })).status).toBe(401);
    expect((await post(app(), '/admin/login', { email: boss.email, password: boss.password, code: '000000' })).status).toBe(401);
    expect((await post(app(), '/admin/login', { email: boss.email, password: boss.password, code: codes[0] })).status).toBe(303);
    expect((await post(app(), '/admin/login', { email: boss.email, password: boss.password, code: codes[0] })).status).toBe(401);
    expect((await post(app(), '/admin/login', { email: boss.email, password: boss.password, code: totpCode(secret, t.clock.now()) })).status).toBe(303);
  });

  it('cannot be turned off by a superadmin', async () => {
    const boss = await createStaff(t, { role: 'superadmin', twoFactor: true });
    const who = await signIn(t, app(), boss);
    const res = await post(app(), '/admin/account/2fa/disable', { code: totpCode(boss.secret!, t.clock.now()) }, who);
    expect(res.status).toBe(403);
  });
});

describe('first superadmin setup link', () => {
  it('creates the account once; the link then stops working', async () => {
    const { issueFirstSuperadminLink } = await import('../../src/services/admin-auth/issue-setup-link.ts');
    const ctx = t.ctx({ kind: 'system', job: 'test' });
    await t.database.db.update(s.users).set({ role: 'admin' }).where(eq(s.users.role, 'superadmin'));
    const issued = (await issueFirstSuperadminLink({ ctx, input: {} }))!;
    expect(issued).not.toBeNull();
    const form = await get(app(), `/admin/setup/${issued.token}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Create the superadmin account');
    const created = await post(app(), `/admin/setup/${issued.token}`, { email: 'first@example.test', name: 'First Admin', password: 'a long enough password', confirm: 'a long enough password' });
    expect(created.status).toBe(303);
    expect((await get(app(), `/admin/setup/${issued.token}`)).status).toBe(404);
    expect(await issueFirstSuperadminLink({ ctx, input: {} })).toBeNull();
    const login = await post(app(), '/admin/login', { email: 'first@example.test', password: 'a long enough password' });
    expect(login.status).toBe(303);
    const page = await get(app(), '/admin', { cookie: sessionCookie(login)! });
    expect(page.headers.get('location')).toBe('/admin/account/2fa');
    expect(csrfFrom(await (await get(app(), '/admin/account/2fa', { cookie: sessionCookie(login)! })).text())).toBeTruthy();
  });
});
