/**
 * Signals: providers with reliability, creating one (its secret is shown once), a provider's
 * page (webhook URL, example TradingView message, switch on/off, rotate the secret —
 * superadmin), and recent signals with their parse result.
 */
import type { Context, Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listSignalProviders } from '../../services/admin-signals/list-signal-providers.ts';
import { listRecentSignals } from '../../services/admin-signals/list-recent-signals.ts';
import { listTenants } from '../../services/admin-tenants/list-tenants.ts';
import { createSignalProvider } from '../../services/signals/create-signal-provider.ts';
import { describeProviderWebhook } from '../../services/signals/describe-provider-webhook.ts';
import { rotateProviderSecret } from '../../services/signals/rotate-provider-secret.ts';
import { updateSignalProvider } from '../../services/signals/update-signal-provider.ts';
import type { ProviderWebhookInfo } from '../../services/signals/provider-webhook-info.ts';
import { SIGNAL_STATUSES } from '../../shared/enums.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtMoney } from '../views/format.ts';
import { SignalsTable, WebhookDetails } from '../views/signal-views.tsx';
import { Csrf, Empty, Field, Notice, Pagination, Select } from '../views/ui.tsx';

export function registerSignalPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/signals', async (c) => {
    const q = c.req.query();
    const ctx = adminCtx(c, env);
    const [providers, recent, tenants] = await Promise.all([
      listSignalProviders({ ctx, input: { pageSize: 100 } }),
      listRecentSignals({ ctx, input: q }),
      listTenants({ ctx, input: {} }),
    ]);
    const filter = (extra: Record<string, string>) => `/admin/signals?${new URLSearchParams({ ...(q.providerId ? { providerId: q.providerId } : {}), ...extra }).toString()}`;
    return page(c, 'Signals', <>
      <DoneNotice c={c} />
      <section class="card">
        <h2>Providers</h2>
        {providers.rows.length === 0 ? <Empty>No signal providers yet.</Empty> : (
          <table>
            <thead><tr><th scope="col">Provider</th><th scope="col">Owner</th><th scope="col">Active</th><th scope="col">Reliability</th><th scope="col">Signals</th><th scope="col">Rejected</th></tr></thead>
            <tbody>{providers.rows.map((p) => (
              <tr>
                <td><a href={`/admin/signals/providers/${p.id}`}>{p.name}</a><div class="sub">{p.type}</div></td>
                <td>{p.ownerEmail ?? (p.tenantId ? <a href={`/admin/tenants/${p.tenantId}`}>community {p.tenantId}</a> : 'platform')}</td>
                <td><span class={`status ${p.isActive ? 'active' : 'inactive'}`}>{p.isActive ? 'on' : 'off'}</span></td>
                <td class="num">{fmtMoney(p.reliability, 1)}%</td>
                <td class="num"><a href={`/admin/signals?providerId=${p.id}`}>{p.signalCount}</a></td>
                <td class="num">{p.rejectedCount}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
        <form method="post" action="/admin/signals/providers" class="editor" id="new-provider">
          <h3>New webhook provider</h3>
          <Csrf token={c.get('csrfToken')} />
          <Field label="Provider name" name="name" required hint="For example: TradingView BTC breakout" />
          <Select label="Owner" name="tenantId" options={tenants.map((t) => [t.id, `community: ${t.name}`] as [string, string])} blank="the platform" />
          <Select label="Authentication" name="auth" options={[['token', 'token (TradingView)'], ['hmac', 'HMAC signature']]} value="token" />
          <button type="submit">Create provider</button>
        </form>
      </section>
      <section class="card">
        <h2>Recent signals{q.providerId ? ' from one provider' : ''}{q.status ? ` (${q.status})` : ''}</h2>
        <p>
          {q.providerId && <><a href="/admin/signals">All providers</a> · </>}
          {[...SIGNAL_STATUSES].map((s) => <><a href={filter({ status: s })}>Only {s}</a> · </>)}
          <a href={filter({})}>Any result</a>
        </p>
        <SignalsTable rows={recent.rows} />
        <Pagination page={recent.page} pages={recent.pages} total={recent.total} query={q} />
      </section>
    </>, { current: '/admin/signals' });
  });

  app.post('/signals/providers', async (c) => {
    const f = await form(c);
    const result = await createSignalProvider({
      ctx: adminCtx(c, env),
      input: { name: f.name ?? '', tenantId: f.tenantId || undefined, platform: !f.tenantId, config: { auth: (f.auth || 'token') as 'token' } },
    });
    return secretOnce(c, `Provider “${result.provider.name}” created`, result.provider.id, result.secret, result.webhook);
  });

  app.get('/signals/providers/:id', async (c) => {
    const ctx = adminCtx(c, env);
    const providerId = c.req.param('id');
    const [info, recent] = await Promise.all([describeProviderWebhook({ ctx, input: { providerId } }), listRecentSignals({ ctx, input: { providerId, pageSize: 25 } })]);
    const p = info.provider;
    const csrf = c.get('csrfToken');
    const superadmin = c.get('session')?.role === 'superadmin';
    return page(c, `Provider: ${p.name}`, <>
      <DoneNotice c={c} />
      <p><a href="/admin/signals">← All providers</a></p>
      <section class="card">
        <h2>Status</h2>
        <p>
          <span class={`status ${p.isActive ? 'active' : 'inactive'}`}>{p.isActive ? 'On: the webhook accepts signals' : 'Off: the webhook answers 404'}</span>
          {' · '}reliability {p.reliability}%{p.tenantId ? <> · community <a href={`/admin/tenants/${p.tenantId}`}>{p.tenantId}</a></> : null}
        </p>
        <form method="post" action={`/admin/signals/providers/${p.id}/active`} class="inline">
          <Csrf token={csrf} />
          <input type="hidden" name="isActive" value={p.isActive ? '0' : '1'} />
          <button type="submit" class={p.isActive ? 'danger' : ''}>{p.isActive ? 'Switch off' : 'Switch on'}</button>
        </form>
      </section>
      <section class="card">
        <h2>Webhook</h2>
        <WebhookDetails webhook={info.webhook} />
      </section>
      <section class="card">
        <h2>Secret</h2>
        <p>The secret is stored encrypted and was shown once, when the provider was created or last rotated. Rotating makes a new one and stops the old one at once: update TradingView or the sender right after.</p>
        {superadmin ? (
          <form method="post" action={`/admin/signals/providers/${p.id}/rotate`}>
            <Csrf token={csrf} />
            <button type="submit" class="danger">Rotate the secret</button>
          </form>
        ) : <Notice>Only a superadmin can rotate a provider secret.</Notice>}
      </section>
      <section class="card">
        <h2>Recent signals</h2>
        <SignalsTable rows={recent.rows} showProvider={false} />
        {recent.total > recent.rows.length && <p><a href={`/admin/signals?providerId=${p.id}`}>All {recent.total} signals</a></p>}
      </section>
    </>, { current: '/admin/signals' });
  });

  app.post('/signals/providers/:id/active', async (c) => {
    const f = await form(c);
    const isActive = f.isActive === '1' ? true : f.isActive === '0' ? false : f.isActive;
    const row = await updateSignalProvider({ ctx: adminCtx(c, env), input: { providerId: c.req.param('id'), isActive: isActive as boolean } });
    return done(c, `/admin/signals/providers/${row.id}`, row.isActive ? 'provider_enabled' : 'provider_disabled');
  });

  app.post('/signals/providers/:id/rotate', async (c) => {
    const result = await rotateProviderSecret({ ctx: adminCtx(c, env), input: { providerId: c.req.param('id') } });
    return secretOnce(c, 'New provider secret', result.providerId, result.secret, result.webhook);
  });
}

/** The only page that ever shows a provider's secret: rendered as the answer to the POST, never stored in a URL. */
function secretOnce(c: Context<AdminEnv>, title: string, providerId: string, secret: string, webhook: ProviderWebhookInfo) {
  return page(c, title, <>
    <Notice kind="ok">Copy the secret now: it is shown only on this page and cannot be shown again. Rotate it if it is lost.</Notice>
    <section class="card">
      <h2>Secret</h2>
      <p><code class="secret wrap" id="provider-secret">{secret}</code></p>
    </section>
    <section class="card">
      <h2>Webhook</h2>
      <WebhookDetails webhook={webhook} />
    </section>
    <p><a href={`/admin/signals/providers/${providerId}`}>Go to the provider page</a></p>
  </>, { current: '/admin/signals' });
}
