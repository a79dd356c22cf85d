/** System: settings, blocked IPs, security and audit logs (superadmin), job queue health. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { getSystemSettings } from '../../services/system/get-system-settings.ts';
import { updateSystemSettings } from '../../services/system/update-system-settings.ts';
import { listBlockedIps } from '../../services/system/list-blocked-ips.ts';
import { blockIp } from '../../services/system/block-ip.ts';
import { unblockIp } from '../../services/system/unblock-ip.ts';
import { getQueueHealth } from '../../services/system/get-queue-health.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtTime } from '../views/format.ts';
import { Checkbox, Csrf, Empty, Field, Notice, Pagination, TextArea } from '../views/ui.tsx';
import { registerLogPages } from './logs.tsx';
import { SystemNav } from '../views/system-nav.tsx';

export function registerSystemPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/system', async (c) => {
    const s = await getSystemSettings({ ctx: adminCtx(c, env) });
    const superadmin = c.get('session')?.role === 'superadmin';
    return page(c, 'System settings', <>
      <SystemNav role={c.get('session')?.role} />
      <DoneNotice c={c} />
      {!superadmin && <Notice>Only a superadmin can change these settings.</Notice>}
      <form method="post" action="/admin/system/settings" class="card narrow">
        <Csrf token={c.get('csrfToken')} />
        <fieldset disabled={!superadmin}>
          <legend>Service</legend>
          <Checkbox label="Maintenance mode (chat commands answer with the message below)" name="maintenanceMode" checked={s.maintenanceMode} />
          <TextArea label="Maintenance message" name="maintenanceMessage" value={s.maintenanceMessage} rows={2} />
          <Checkbox label="Registrations open" name="registrationsOpen" checked={s.registrationsOpen} />
          <button type="submit">Save settings</button>
        </fieldset>
        <p class="sub">Last changed {fmtTime(s.updatedAt)}{s.updatedBy ? <> by <a href={`/admin/users/${s.updatedBy}`}>this staff member</a></> : ''}.</p>
      </form>
    </>, { current: '/admin/system' });
  });

  app.post('/system/settings', async (c) => {
    const f = await form(c);
    await updateSystemSettings({
      ctx: adminCtx(c, env),
      input: { maintenanceMode: f.maintenanceMode === 'on', maintenanceMessage: f.maintenanceMessage ?? '', registrationsOpen: f.registrationsOpen === 'on' },
    });
    return done(c, '/admin/system', 'settings');
  });

  app.get('/system/queue', async (c) => {
    const health = await getQueueHealth({ ctx: adminCtx(c, env), input: {} });
    return page(c, 'Job queue', <>
      <SystemNav role={c.get('session')?.role} />
      {!health.available ? <Notice>No job queue runs in this process.</Notice> : health.queues.length === 0 ? <Empty>No jobs yet.</Empty> : (
        <table>
          <thead><tr><th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Running</th><th scope="col">Failed</th></tr></thead>
          <tbody>
            {health.queues.map((q) => <tr><td>{q.name}</td><td class="num">{q.queued}</td><td class="num">{q.active}</td><td class={q.failed ? 'num error-text' : 'num'}>{q.failed}</td></tr>)}
            <tr class="total"><th scope="row">All queues</th><td class="num">{health.totals.queued}</td><td class="num">{health.totals.active}</td><td class="num">{health.totals.failed}</td></tr>
          </tbody>
        </table>
      )}
    </>, { current: '/admin/system' });
  });

  app.get('/system/blocked-ips', async (c) => {
    const q = c.req.query();
    const result = await listBlockedIps({ ctx: adminCtx(c, env), input: q });
    const csrf = c.get('csrfToken');
    return page(c, 'Blocked IPs', <>
      <SystemNav role={c.get('session')?.role} />
      <DoneNotice c={c} />
      <form method="post" action="/admin/system/blocked-ips" class="card row">
        <Csrf token={csrf} />
        <Field label="IP address" name="ipAddress" required />
        <Field label="Reason" name="reason" required />
        <Field label="Expires (empty = never)" name="expiresAt" type="date" />
        <button type="submit">Block</button>
      </form>
      {result.rows.length === 0 ? <Empty>No blocked addresses.</Empty> : (
        <table>
          <thead><tr><th scope="col">Address</th><th scope="col">Reason</th><th scope="col">Blocked</th><th scope="col">Expires</th><th scope="col">In force</th><th scope="col">Action</th></tr></thead>
          <tbody>{result.rows.map((r) => (
            <tr><td>{r.ipAddress}</td><td>{r.reason}</td><td>{fmtTime(r.blockedAt)}</td><td>{r.expiresAt ? fmtTime(r.expiresAt) : 'never'}</td><td>{r.active ? 'yes' : 'expired'}</td>
              <td><form method="post" action={`/admin/system/blocked-ips/${r.id}/delete`} class="inline"><Csrf token={csrf} /><button type="submit" class="secondary" aria-label={`Unblock ${r.ipAddress}`}>Unblock</button></form></td></tr>
          ))}</tbody>
        </table>
      )}
      <Pagination page={result.page} pages={result.pages} total={result.total} query={q} />
    </>, { current: '/admin/system' });
  });

  app.post('/system/blocked-ips', async (c) => {
    const f = await form(c);
    await blockIp({ ctx: adminCtx(c, env), input: { ipAddress: f.ipAddress ?? '', reason: f.reason ?? '', expiresAt: f.expiresAt ? `${f.expiresAt}T23:59:59Z` : undefined } });
    return done(c, '/admin/system/blocked-ips', 'blocked');
  });

  app.post('/system/blocked-ips/:id/delete', async (c) => {
    await unblockIp({ ctx: adminCtx(c, env), input: { id: c.req.param('id') } });
    return done(c, '/admin/system/blocked-ips', 'unblocked');
  });

  registerLogPages(app, env);
}
