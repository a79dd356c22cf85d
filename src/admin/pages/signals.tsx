/** Signals: providers and recent signals (read-only until the signals service lands). */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listSignalProviders } from '../../services/admin-signals/list-signal-providers.ts';
import { listRecentSignals } from '../../services/admin-signals/list-recent-signals.ts';
import { adminCtx } from '../http/context.ts';
import { page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtMoney, fmtTime } from '../views/format.ts';
import { Empty, Pagination } from '../views/ui.tsx';

export function registerSignalPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/signals', async (c) => {
    const q = c.req.query();
    const ctx = adminCtx(c, env);
    const [providers, recent] = await Promise.all([listSignalProviders({ ctx, input: { pageSize: 100 } }), listRecentSignals({ ctx, input: q })]);
    const base = env.config.PUBLIC_URL ?? new URL(c.req.url).origin;
    return page(c, 'Signals', <>
      <section class="card">
        <h2>Providers</h2>
        {providers.rows.length === 0 ? <Empty>No signal providers yet.</Empty> : (
          <table>
            <thead><tr><th scope="col">Provider</th><th scope="col">Type</th><th scope="col">Owner</th><th scope="col">Active</th><th scope="col">Reliability</th><th scope="col">Signals</th><th scope="col">Webhook URL</th></tr></thead>
            <tbody>{providers.rows.map((p) => (
              <tr>
                <td><a href={`/admin/signals?providerId=${p.id}`}>{p.name}</a></td>
                <td>{p.type}</td>
                <td>{p.ownerEmail ?? (p.tenantId ? `tenant ${p.tenantId}` : 'platform')}</td>
                <td>{p.isActive ? 'yes' : 'no'}</td>
                <td class="num">{fmtMoney(p.reliability)}%</td>
                <td class="num">{p.signalCount}</td>
                <td><code class="wrap">{`${base}/webhooks/signals/${p.id}`}</code></td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
      <section class="card">
        <h2>Recent signals{q.providerId ? ' from one provider' : ''}</h2>
        {q.providerId && <p><a href="/admin/signals">Show all providers</a></p>}
        {recent.rows.length === 0 ? <Empty>No signals yet.</Empty> : (
          <table>
            <thead><tr><th scope="col">When</th><th scope="col">Provider</th><th scope="col">Symbol</th><th scope="col">Action</th><th scope="col">Price</th><th scope="col">Stop</th><th scope="col">Target</th><th scope="col">Processed</th></tr></thead>
            <tbody>{recent.rows.map((s) => (
              <tr><td>{fmtTime(s.createdAt)}</td><td>{s.providerName}</td><td>{s.symbol}</td><td>{s.action}</td><td class="num">{fmtMoney(s.price, 4)}</td><td class="num">{fmtMoney(s.stopLoss, 4)}</td><td class="num">{fmtMoney(s.takeProfit, 4)}</td><td>{s.processed ? 'yes' : 'no'}</td></tr>
            ))}</tbody>
          </table>
        )}
        <Pagination page={recent.page} pages={recent.pages} total={recent.total} query={q} />
      </section>
    </>, { current: '/admin/signals' });
  });
}
