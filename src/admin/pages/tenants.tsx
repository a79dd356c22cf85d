/** Tenants: communities with their admins and bot connections (read-only for now; tokens never shown). */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listTenants } from '../../services/admin-tenants/list-tenants.ts';
import { adminCtx } from '../http/context.ts';
import { page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtTime } from '../views/format.ts';
import { Empty } from '../views/ui.tsx';

export function registerTenantPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/tenants', async (c) => {
    const tenants = await listTenants({ ctx: adminCtx(c, env), input: {} });
    return page(c, 'Tenants', <>
      {tenants.length === 0 ? <Empty>No tenants.</Empty> : tenants.map((t) => (
        <section class="card">
          <h2>{t.name} <span class="sub">({t.id}, {t.timezone}, since {fmtTime(t.createdAt)})</span></h2>
          <h3>Members</h3>
          {t.members.length === 0 ? <Empty>No members.</Empty> : (
            <ul>{t.members.map((m) => <li>{m.userId ? <a href={`/admin/users/${m.userId}`}>{m.email ?? m.userId}</a> : (m.email ?? '—')} · {m.role}</li>)}</ul>
          )}
          <h3>Bot connections</h3>
          {t.botConnections.length === 0 ? <Empty>No Telegram bots connected.</Empty> : (
            <ul>{t.botConnections.map((b) => <li>{b.botRole}: @{b.botUsername ?? 'unknown'}{b.channelId ? ` → channel ${b.channelId}` : ''} (token stored encrypted)</li>)}</ul>
          )}
        </section>
      ))}
    </>, { current: '/admin/tenants' });
  });
}
