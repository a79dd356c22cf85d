/** Security log and audit log (superadmin), with filters and pagination. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listSecurityLogs } from '../../services/system/list-security-logs.ts';
import { listAuditLogs } from '../../services/system/list-audit-logs.ts';
import { SECURITY_LOG_TYPES } from '../../shared/enums.ts';
import { adminCtx } from '../http/context.ts';
import { page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtTime } from '../views/format.ts';
import { Empty, Field, Pagination, Select } from '../views/ui.tsx';
import { SystemNav } from '../views/system-nav.tsx';

export function registerLogPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/system/security-logs', async (c) => {
    const q = c.req.query();
    const result = await listSecurityLogs({ ctx: adminCtx(c, env), input: q });
    return page(c, 'Security log', <>
      <SystemNav role={c.get('session')?.role} />
      <form method="get" action="/admin/system/security-logs" class="filters">
        <Select label="Type" name="type" options={SECURITY_LOG_TYPES} value={q.type} blank="Any" />
        <Field label="IP address" name="ip" value={q.ip} />
        <button type="submit">Filter</button>
      </form>
      {result.rows.length === 0 ? <Empty>No security events.</Empty> : (
        <table>
          <thead><tr><th scope="col">When</th><th scope="col">Type</th><th scope="col">Address</th><th scope="col">User</th><th scope="col">Details</th></tr></thead>
          <tbody>{result.rows.map((r) => <tr><td>{fmtTime(r.createdAt)}</td><td>{r.type}</td><td>{r.ipAddress}</td><td>{r.email ?? r.userId ?? '—'}</td><td><code class="wrap">{JSON.stringify(r.metadata)}</code></td></tr>)}</tbody>
        </table>
      )}
      <Pagination page={result.page} pages={result.pages} total={result.total} query={q} />
    </>, { current: '/admin/system' });
  });

  app.get('/system/audit-logs', async (c) => {
    const q = c.req.query();
    const result = await listAuditLogs({ ctx: adminCtx(c, env), input: q });
    return page(c, 'Audit log', <>
      <SystemNav role={c.get('session')?.role} />
      <form method="get" action="/admin/system/audit-logs" class="filters">
        <Field label="Action starts with" name="action" value={q.action} hint="for example user. or ticket.reply" />
        <Field label="User id" name="userId" value={q.userId} />
        <button type="submit">Filter</button>
      </form>
      {result.rows.length === 0 ? <Empty>No audit rows.</Empty> : (
        <table>
          <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">By</th><th scope="col">Via</th><th scope="col">Address</th><th scope="col">Details</th></tr></thead>
          <tbody>{result.rows.map((r) => <tr><td>{fmtTime(r.createdAt)}</td><td>{r.action}</td><td>{r.email ?? r.userId ?? '—'}</td><td>{r.actorType}</td><td>{r.ipAddress ?? '—'}</td><td><code class="wrap">{JSON.stringify(r.details)}</code></td></tr>)}</tbody>
        </table>
      )}
      <Pagination page={result.page} pages={result.pages} total={result.total} query={q} />
    </>, { current: '/admin/system' });
  });
}
