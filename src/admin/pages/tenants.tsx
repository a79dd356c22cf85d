/**
 * Tenants (communities): the list and creating one; a community's page with its members (add an
 * admin), Telegram bot connections (connect, or replace a token — superadmin; the token field is
 * write-only), broadcasts, campaigns and coupons. Journeys and broadcast pages live in
 * tenant-journeys.tsx and tenant-broadcasts.tsx.
 */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listTenants } from '../../services/admin-tenants/list-tenants.ts';
import { createTenant } from '../../services/tenants/create-tenant.ts';
import { getTenantOverview } from '../../services/tenants/get-tenant-overview.ts';
import { addTenantMember } from '../../services/tenants/add-tenant-member.ts';
import { connectTenantBot } from '../../services/tenants/connect-tenant-bot.ts';
import { listBroadcasts } from '../../services/broadcasts/list-broadcasts.ts';
import { createCampaign, listCampaigns, setCampaignStatus } from '../../services/campaigns/manage-campaigns.ts';
import { listTenantCoupons } from '../../services/campaigns/list-coupons.ts';
import { TENANT_BOT_ROLES, TENANT_ROLES } from '../../shared/enums.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtTime } from '../views/format.ts';
import { BroadcastsTable, CampaignsTable, ComposeBroadcastForm, CouponsTable } from '../views/tenant-views.tsx';
import { Csrf, Empty, Field, Notice, Select, TextArea } from '../views/ui.tsx';
import { registerTenantBroadcastPages } from './tenant-broadcasts.tsx';
import { registerTenantJourneyPages } from './tenant-journeys.tsx';

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

export function registerTenantPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/tenants', async (c) => {
    const tenants = await listTenants({ ctx: adminCtx(c, env), input: {} });
    return page(c, 'Tenants', <>
      <DoneNotice c={c} />
      {tenants.length === 0 ? <Empty>No communities yet.</Empty> : (
        <table>
          <thead><tr><th scope="col">Community</th><th scope="col">Time zone</th><th scope="col">Members</th><th scope="col">Bots</th><th scope="col">Since</th></tr></thead>
          <tbody>{tenants.map((t) => (
            <tr>
              <td><a href={`/admin/tenants/${t.id}`}>{t.name}</a><div class="sub">{t.id}</div></td>
              <td>{t.timezone}</td>
              <td class="num">{t.members.length}</td>
              <td>{t.botConnections.length === 0 ? '—' : t.botConnections.map((b) => `${b.botRole}: @${b.botUsername ?? 'unknown'}`).join(', ')}</td>
              <td>{fmtTime(t.createdAt)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <form method="post" action="/admin/tenants" class="card narrow">
        <h2>New community</h2>
        <Csrf token={c.get('csrfToken')} />
        <Field label="Id (slug)" name="id" required hint="lower-case letters, digits, - and _; used in webhook URLs" />
        <Field label="Name" name="name" required />
        <Field label="Time zone" name="timezone" value="UTC" hint="IANA name such as Europe/London" />
        <button type="submit">Create community</button>
      </form>
    </>, { current: '/admin/tenants' });
  });

  app.post('/tenants', async (c) => {
    const f = await form(c);
    const row = await createTenant({ ctx: adminCtx(c, env), input: { id: f.id ?? '', name: f.name ?? '', timezone: blank(f.timezone) } });
    return done(c, `/admin/tenants/${row.id}`, 'tenant_created');
  });

  app.get('/tenants/:id', async (c) => {
    const ctx = adminCtx(c, env);
    const tenantId = c.req.param('id');
    const overview = await getTenantOverview({ ctx, input: { tenantId } });
    const [broadcasts, campaigns, coupons] = await Promise.all([
      listBroadcasts({ ctx, input: { tenantId } }),
      listCampaigns({ ctx, input: { tenantId } }),
      listTenantCoupons({ ctx, input: { tenantId } }),
    ]);
    const { tenant, members, botConnections, contacts } = overview;
    const csrf = c.get('csrfToken');
    const superadmin = c.get('session')?.role === 'superadmin';
    const base = `/admin/tenants/${tenant.id}`;
    return page(c, `Community: ${tenant.name}`, <>
      <DoneNotice c={c} />
      <p><a href="/admin/tenants">← All communities</a> · {tenant.id} · {tenant.timezone} · {contacts.total} chat contacts ({contacts.blocked} blocked the bot) · <a href={`${base}/journeys`}>Journeys</a></p>
      <div class="grid">
        <section class="card">
          <h2>Members</h2>
          {members.length === 0 ? <Empty>No members.</Empty> : (
            <ul>{members.map((m) => <li>{m.userId ? <a href={`/admin/users/${m.userId}`}>{m.email ?? m.name ?? m.userId}</a> : (m.email ?? '—')} · {m.role}</li>)}</ul>
          )}
          <form method="post" action={`${base}/members`} class="editor">
            <h3>Add a member</h3>
            <Csrf token={csrf} />
            <Field label="User id or email" name="user" required />
            <Select label="Community role" name="role" options={TENANT_ROLES} value="admin" />
            <button type="submit">Add member</button>
          </form>
        </section>
        <section class="card" id="bots">
          <h2>Telegram bots</h2>
          {botConnections.length === 0 ? <Empty>No Telegram bots connected.</Empty> : (
            <ul>{botConnections.map((b) => <li>{b.botRole}: @{b.botUsername ?? 'unknown'}{b.channelId ? ` → channel ${b.channelId}` : ''} <span class="sub">(token stored encrypted, never shown; connected {fmtTime(b.updatedAt)})</span></li>)}</ul>
          )}
          <form method="post" action={`${base}/bots`} class="editor" autocomplete="off">
            <h3>Connect a bot or replace its token</h3>
            <Csrf token={csrf} />
            {!superadmin && botConnections.length > 0 && <Notice>Replacing the token of a connected bot needs a superadmin.</Notice>}
            <Select label="Bot role" name="botRole" options={TENANT_BOT_ROLES} />
            <Field label="Bot token (from @BotFather)" name="token" type="password" required autocomplete="new-password" hint="Write-only: it is checked with Telegram, stored encrypted and never shown again." />
            <Field label="Channel id (signal bot)" name="channelId" hint="-1001234567890 or @channelname; optional" />
            <button type="submit">Connect bot</button>
          </form>
        </section>
      </div>
      <section class="card" id="broadcasts">
        <h2>Broadcasts</h2>
        <BroadcastsTable tenantId={tenant.id} rows={broadcasts} csrf={csrf} />
        <ComposeBroadcastForm tenantId={tenant.id} csrf={csrf} />
      </section>
      <section class="card" id="campaigns">
        <h2>Campaigns</h2>
        <CampaignsTable tenantId={tenant.id} rows={campaigns} csrf={csrf} />
        <form method="post" action={`${base}/campaigns`} class="editor">
          <h3>New campaign</h3>
          <Csrf token={csrf} />
          <Field label="Title" name="title" required />
          <TextArea label="Description" name="description" rows={2} />
          <div class="row">
            <Field label="Starts" name="startDate" type="date" />
            <Field label="Ends" name="endDate" type="date" />
            <Field label="Prize" name="prize" />
          </div>
          <button type="submit">Create campaign</button>
        </form>
      </section>
      <section class="card" id="coupons">
        <h2>Coupons</h2>
        <p class="sub">Codes the community's coupon bot issued to its contacts (single use; an active campaign's end date limits them).</p>
        <CouponsTable rows={coupons} />
      </section>
    </>, { current: '/admin/tenants' });
  });

  app.post('/tenants/:id/members', async (c) => {
    const f = await form(c);
    const tenantId = c.req.param('id');
    await addTenantMember({ ctx: adminCtx(c, env), input: { tenantId, user: f.user ?? '', role: (blank(f.role) ?? 'admin') as 'admin' } });
    return done(c, `/admin/tenants/${tenantId}`, 'member_added');
  });

  app.post('/tenants/:id/bots', async (c) => {
    const f = await form(c);
    const tenantId = c.req.param('id');
    await connectTenantBot({ ctx: adminCtx(c, env), input: { tenantId, botRole: (f.botRole ?? '') as 'message_bot', token: f.token ?? '', channelId: blank(f.channelId) } });
    return done(c, `/admin/tenants/${tenantId}`, 'bot_connected');
  });

  app.post('/tenants/:id/campaigns', async (c) => {
    const f = await form(c);
    const tenantId = c.req.param('id');
    await createCampaign({ ctx: adminCtx(c, env), input: { tenantId, title: f.title ?? '', description: blank(f.description), startDate: blank(f.startDate), endDate: blank(f.endDate), prize: blank(f.prize) } });
    return done(c, `/admin/tenants/${tenantId}`, 'campaign_created');
  });

  app.post('/tenants/:id/campaigns/:cid/status', async (c) => {
    const f = await form(c);
    const tenantId = c.req.param('id');
    await setCampaignStatus({ ctx: adminCtx(c, env), input: { tenantId, campaignId: c.req.param('cid'), status: (f.status ?? '') as 'active' } });
    return done(c, `/admin/tenants/${tenantId}`, 'campaign_status');
  });

  registerTenantBroadcastPages(app, env);
  registerTenantJourneyPages(app, env);
}
