/** Dashboard: headline figures and the volume / P&L chart. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { getDashboard } from '../../services/admin-dashboard/get-dashboard.ts';
import { getSystemSettings } from '../../services/system/get-system-settings.ts';
import { adminCtx } from '../http/context.ts';
import { page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { VolumePnlChart } from '../views/chart.tsx';
import { Notice } from '../views/ui.tsx';

export function registerDashboardPage(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/', async (c) => {
    const ctx = adminCtx(c, env);
    const [d, settings] = await Promise.all([getDashboard({ ctx, input: { days: c.req.query('days') ?? 14 } }), getSystemSettings({ ctx })]);
    const tiles: [string, string | number, string][] = [
      ['Users', d.totalUsers, '/admin/users'],
      ['Active bots', d.activeBots, '/admin/bots?status=active'],
      ['Trades today', d.tradesToday, '/admin/bots'],
      ['Signals today', d.signalsToday, '/admin/signals'],
      ['Open tickets', d.openTickets, '/admin/support'],
      ['Failed jobs', d.failedJobs ?? '—', '/admin/system/queue'],
    ];
    return page(c, 'Dashboard', <>
      {settings.maintenanceMode && <Notice kind="error">Maintenance mode is on: chat users see “{settings.maintenanceMessage ?? 'We are doing maintenance.'}”</Notice>}
      <ul class="tiles">
        {tiles.map(([label, value, href]) => (
          <li><a href={href}><span class="figure">{value}</span><span class="label">{label}</span></a></li>
        ))}
      </ul>
      <section class="card">
        <h2>Trade volume and P&amp;L, last {d.series.length} days (UTC)</h2>
        <VolumePnlChart series={d.series} />
      </section>
    </>, { current: '/admin' });
  });
}
