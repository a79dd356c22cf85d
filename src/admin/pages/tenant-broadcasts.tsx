/**
 * A community's broadcasts: preview a composed message (nothing stored), save it as a draft or
 * send it at once, send a draft, and watch the progress (sent / failed / blocked / pending);
 * the progress page reloads itself every 5 seconds while the broadcast is sending (no scripts).
 */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { composeBroadcast } from '../../services/broadcasts/compose-broadcast.ts';
import { getBroadcastProgress, startBroadcast } from '../../services/broadcasts/manage-broadcasts.ts';
import { previewBroadcast } from '../../services/broadcasts/preview-broadcast.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtTime } from '../views/format.ts';
import { ComposeBroadcastForm, ProgressCounts } from '../views/tenant-views.tsx';
import { Csrf, Notice } from '../views/ui.tsx';

const REFRESH_SECONDS = 5;

export function registerTenantBroadcastPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.post('/tenants/:id/broadcasts/preview', async (c) => {
    const f = await form(c);
    const tenantId = c.req.param('id');
    const p = await previewBroadcast({ ctx: adminCtx(c, env), input: { tenantId, message: f.message ?? '', botRole: (f.botRole || 'message_bot') as 'message_bot' } });
    const csrf = c.get('csrfToken');
    return page(c, 'Broadcast preview', <>
      <p><a href={`/admin/tenants/${tenantId}`}>← Back to the community</a></p>
      <section class="card">
        <h2>As your contacts will see it</h2>
        <p class="sub">Sent by {p.botUsername ? `@${p.botUsername}` : `the ${p.botRole}`} as plain text, link previews off · {p.characters} of 4096 characters</p>
        <div class="message-preview" id="broadcast-preview">{p.message}</div>
        {!p.botConnected && <Notice kind="error">No {p.botRole.replace('_', ' ')} is connected to this community: connect one before sending.</Notice>}
        <form method="post" action={`/admin/tenants/${tenantId}/broadcasts`}>
          <Csrf token={csrf} />
          <input type="hidden" name="message" value={p.message} />
          <input type="hidden" name="botRole" value={p.botRole} />
          <button type="submit" name="send" value="1" disabled={!p.botConnected}>Send now to {p.recipients} contacts</button>{' '}
          <button type="submit" name="send" value="0" class="secondary">Save as draft</button>
        </form>
      </section>
      <section class="card">
        <ComposeBroadcastForm tenantId={tenantId} csrf={csrf} message={p.message} botRole={p.botRole} />
      </section>
    </>, { current: '/admin/tenants' });
  });

  app.post('/tenants/:id/broadcasts', async (c) => {
    const f = await form(c);
    const tenantId = c.req.param('id');
    const send = f.send === '1';
    const r = await composeBroadcast({ ctx: adminCtx(c, env), input: { tenantId, message: f.message ?? '', botRole: (f.botRole || 'message_bot') as 'message_bot', send } });
    return send ? done(c, `/admin/tenants/${tenantId}/broadcasts/${r.broadcastId}`, 'broadcast_started') : done(c, `/admin/tenants/${tenantId}`, 'broadcast_saved');
  });

  app.post('/tenants/:id/broadcasts/:bid/send', async (c) => {
    const tenantId = c.req.param('id');
    const r = await startBroadcast({ ctx: adminCtx(c, env), input: { tenantId, broadcastId: c.req.param('bid') } });
    return done(c, `/admin/tenants/${tenantId}/broadcasts/${r.broadcastId}`, 'broadcast_started');
  });

  app.get('/tenants/:id/broadcasts/:bid', async (c) => {
    const tenantId = c.req.param('id');
    const p = await getBroadcastProgress({ ctx: adminCtx(c, env), input: { tenantId, broadcastId: c.req.param('bid') } });
    const sending = p.status === 'processing';
    return page(c, 'Broadcast', <>
      <DoneNotice c={c} />
      <p><a href={`/admin/tenants/${tenantId}`}>← Back to the community</a></p>
      <section class="card">
        <h2>Status: <span class="status" id="broadcast-status">{p.status}</span></h2>
        {sending && <p class="sub">Sending… this page refreshes every {REFRESH_SECONDS} seconds.</p>}
        <ProgressCounts b={p} />
        <p class="sub">Created {fmtTime(p.createdAt)} · started {fmtTime(p.startedAt)} · finished {fmtTime(p.completedAt)} · {p.botRole}</p>
        {p.status === 'pending' && (
          <form method="post" action={`/admin/tenants/${tenantId}/broadcasts/${p.broadcastId}/send`}><Csrf token={c.get('csrfToken')} /><button type="submit">Send now</button></form>
        )}
      </section>
      <section class="card">
        <h2>Message</h2>
        <div class="message-preview">{p.message}</div>
      </section>
    </>, { current: '/admin/tenants', refreshSeconds: sending ? REFRESH_SECONDS : undefined });
  });
}
