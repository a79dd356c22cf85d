import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { createApp } from '../../src/http/app.ts';
import { getSystemSettings } from '../../src/services/system/get-system-settings.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createPlainUser, createStaff, get, post, signIn } from './helpers.ts';

const t = useTestDatabase();
const app = () => createApp(t.env);

async function auditRows(action: string, userId: string) {
  return t.database.db.select().from(s.auditLogs).where(and(eq(s.auditLogs.action, action), eq(s.auditLogs.userId, userId)));
}

describe('an admin (not superadmin)', () => {
  it('cannot change system settings, block IPs, read security or audit logs, or grant roles', async () => {
    const admin = await createStaff(t);
    const who = await signIn(t, app(), admin);
    const trader = await createPlainUser(t);
    expect((await post(app(), '/admin/system/settings', { maintenanceMode: 'on' }, who)).status).toBe(403);
    expect((await getSystemSettings({ ctx: t.ctx({ kind: 'system', job: 'test' }) })).maintenanceMode).toBe(false);
    expect((await post(app(), '/admin/system/blocked-ips', { ipAddress: '192.0.2.1', reason: 'x' }, who)).status).toBe(403);
    expect((await get(app(), '/admin/system/blocked-ips', who)).status).toBe(403);
    expect((await get(app(), '/admin/system/security-logs', who)).status).toBe(403);
    expect((await get(app(), '/admin/system/audit-logs', who)).status).toBe(403);
    expect((await post(app(), `/admin/users/${trader.id}/role`, { role: 'admin' }, who)).status).toBe(403);
    expect((await post(app(), '/admin/users/invite', { email: 'new@example.test', role: 'admin' }, who)).status).toBe(403);
    const [row] = await t.database.db.select().from(s.users).where(eq(s.users.id, trader.id));
    expect(row.role).toBe('user');
  });

  it('cannot ban or reset another staff member, nor themselves', async () => {
    const admin = await createStaff(t);
    const other = await createStaff(t);
    const who = await signIn(t, app(), admin);
    expect((await post(app(), `/admin/users/${other.id}/ban`, { reason: 'x' }, who)).status).toBe(403);
    expect((await post(app(), `/admin/users/${other.id}/force-password-reset`, {}, who)).status).toBe(403);
    expect((await post(app(), `/admin/users/${admin.id}/ban`, { reason: 'x' }, who)).status).toBe(403);
    const [row] = await t.database.db.select().from(s.users).where(eq(s.users.id, other.id));
    expect(row.status).toBe('active');
  });

  it('runs users and support, each action leaving an audit row with the admin, action and target', async () => {
    const admin = await createStaff(t);
    const who = await signIn(t, app(), admin);
    const trader = await createPlainUser(t);
    expect((await post(app(), `/admin/users/${trader.id}/suspend`, { until: '2026-04-01', reason: 'chargeback' }, who)).status).toBe(303);
    expect((await post(app(), `/admin/users/${trader.id}/notes`, { category: 'billing', content: 'Disputed March invoice' }, who)).status).toBe(303);
    expect((await post(app(), `/admin/users/${trader.id}/subscription`, { plan: 'pro', until: '2026-06-30', reason: 'beta tester' }, who)).status).toBe(303);
    expect((await post(app(), `/admin/users/${trader.id}/reactivate`, {}, who)).status).toBe(303);
    const suspend = await auditRows('user.suspend', admin.id);
    expect(suspend).toHaveLength(1);
    expect(suspend[0]).toMatchObject({ actorType: 'admin', ipAddress: '198.51.100.7' });
    expect(suspend[0].details).toMatchObject({ targetUserId: trader.id, until: '2026-04-01T23:59:59.000Z', reason: 'chargeback' });
    expect(await auditRows('admin_note.create', admin.id)).toHaveLength(1);
    expect(await auditRows('subscription.grant', admin.id)).toHaveLength(1);
    expect(await auditRows('user.reactivate', admin.id)).toHaveLength(1);
    const page = await (await get(app(), `/admin/users/${trader.id}`, who)).text();
    expect(page).toContain('Disputed March invoice');
    expect(page).toContain('complimentary: beta tester');
  });
});

describe('a superadmin', () => {
  it('changes settings, blocks IPs, grants roles and acts on staff, all audited', async () => {
    const boss = await createStaff(t, { role: 'superadmin', twoFactor: true });
    const admin = await createStaff(t);
    const who = await signIn(t, app(), boss);
    expect((await post(app(), '/admin/system/settings', { maintenanceMode: 'on', maintenanceMessage: 'Back at 10:00 UTC', registrationsOpen: 'on' }, who)).status).toBe(303);
    const settings = await getSystemSettings({ ctx: t.ctx({ kind: 'system', job: 'test' }) });
    expect(settings).toMatchObject({ maintenanceMode: true, maintenanceMessage: 'Back at 10:00 UTC', registrationsOpen: true, updatedBy: boss.id });
    expect(await auditRows('system_settings.update', boss.id)).toHaveLength(1);
    expect((await post(app(), `/admin/users/${admin.id}/force-password-reset`, {}, who)).status).toBe(303);
    expect(await auditRows('user.force_password_reset', boss.id)).toHaveLength(1);
    const trader = await createPlainUser(t);
    expect((await post(app(), `/admin/users/${trader.id}/role`, { role: 'admin' }, who)).status).toBe(303);
    expect((await auditRows('user.set_role', boss.id))[0].details).toMatchObject({ from: 'user', to: 'admin' });
    expect((await get(app(), '/admin/system/audit-logs?action=user.', who)).status).toBe(200);
    expect(await (await get(app(), '/admin/system/audit-logs?action=user.set_role', who)).text()).toContain('user.set_role');
  });

  it('cannot demote the last superadmin (themselves included)', async () => {
    await t.database.db.update(s.users).set({ role: 'admin' }).where(eq(s.users.role, 'superadmin'));
    const boss = await createStaff(t, { role: 'superadmin', twoFactor: true });
    const who = await signIn(t, app(), boss);
    expect((await post(app(), `/admin/users/${boss.id}/role`, { role: 'admin' }, who)).status).toBe(403);
  });
});

describe('forced password reset', () => {
  it('sends the staff member to the password page until they choose a new one', async () => {
    const admin = await createStaff(t);
    await t.database.db.update(s.users).set({ forcePasswordReset: true }).where(eq(s.users.id, admin.id));
    const who = await signIn(t, app(), admin);
    const res = await get(app(), '/admin/users', who);
    expect(res.headers.get('location')).toBe('/admin/account/password');
    const bad = await post(app(), '/admin/account/password', { currentPassword: admin.password, newPassword: 'short', confirm: 'short' }, who);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('at least 12 characters');
    const ok = await post(app(), '/admin/account/password', { currentPassword: admin.password, newPassword: 'a brand new passphrase', confirm: 'a brand new passphrase' }, who);
    expect(ok.status).toBe(303);
    expect((await get(app(), '/admin/users', who)).status).toBe(200);
  });
});
