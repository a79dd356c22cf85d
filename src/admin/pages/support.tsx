/** Support: the ticket queue and a ticket page with assign, reply and close. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listTicketQueue } from '../../services/support-desk/list-ticket-queue.ts';
import { getTicketThread } from '../../services/support-desk/get-ticket-thread.ts';
import { assignTicket } from '../../services/support-desk/assign-ticket.ts';
import { replyAsStaff } from '../../services/support-desk/reply-as-staff.ts';
import { closeTicket } from '../../services/support-desk/close-ticket.ts';
import { listStaff } from '../../services/admin-users/list-staff.ts';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '../../shared/enums.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtTime, personName } from '../views/format.ts';
import { Csrf, Empty, Pagination, Select, TextArea } from '../views/ui.tsx';

export function registerSupportPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/support', async (c) => {
    const q = c.req.query();
    const ctx = adminCtx(c, env);
    const [queue, staff] = await Promise.all([listTicketQueue({ ctx, input: q }), listStaff({ ctx, input: {} })]);
    const me = c.get('session')!.userId;
    return page(c, 'Support queue', <>
      <form method="get" action="/admin/support" class="filters">
        <Select label="Status" name="status" options={[['waiting', 'open or in progress'], ...TICKET_STATUSES, ['all', 'all']] as (string | [string, string])[]} value={q.status ?? 'waiting'} />
        <Select label="Priority" name="priority" options={TICKET_PRIORITIES} value={q.priority} blank="Any" />
        <Select label="Category" name="category" options={TICKET_CATEGORIES} value={q.category} blank="Any" />
        <Select label="Assigned to" name="assignedTo" options={[[me, 'me'], ['none', 'nobody'], ...staff.filter((s) => s.id !== me).map((s) => [s.id, s.email ?? s.id] as [string, string])]} value={q.assignedTo} blank="Anyone" />
        <button type="submit">Filter</button>
      </form>
      {queue.rows.length === 0 ? <Empty>No tickets match.</Empty> : (
        <table>
          <thead><tr><th scope="col">Subject</th><th scope="col">From</th><th scope="col">Priority</th><th scope="col">Category</th><th scope="col">Status</th><th scope="col">Assigned</th><th scope="col">Opened</th></tr></thead>
          <tbody>{queue.rows.map((t) => (
            <tr>
              <td><a href={`/admin/support/${t.id}`}>{t.subject}</a></td>
              <td>{t.userEmail ?? t.userName ?? t.userId}{t.viaChat ? <div class="sub">via {t.viaChat}</div> : null}</td>
              <td><span class={`priority ${t.priority}`}>{t.priority}</span></td>
              <td>{t.category}</td>
              <td>{t.status}</td>
              <td>{staff.find((s) => s.id === t.assignedTo)?.email ?? (t.assignedTo ? t.assignedTo : '—')}</td>
              <td>{fmtTime(t.createdAt)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <Pagination page={queue.page} pages={queue.pages} total={queue.total} query={q} />
    </>, { current: '/admin/support' });
  });

  app.get('/support/:id', async (c) => {
    const ctx = adminCtx(c, env);
    const [t, staff] = await Promise.all([getTicketThread({ ctx, input: { ticketId: c.req.param('id') } }), listStaff({ ctx, input: {} })]);
    const csrf = c.get('csrfToken');
    return page(c, t.subject, <>
      <DoneNotice c={c} />
      <p class="meta">
        From <a href={`/admin/users/${t.user.id}`}>{personName(t.user)}</a> · {t.category} · priority {t.priority} · <strong>{t.status}</strong> · opened {fmtTime(t.createdAt)}
        {t.user.telegramChatId ? ' · reachable on Telegram' : t.user.discordUserId ? ' · reachable on Discord' : ' · no linked chat (in-app only)'}
      </p>
      <ol class="thread">
        {t.messages.map((m) => (
          <li class={m.isStaffReply ? 'staff' : 'user'}>
            <div class="who">{m.isStaffReply ? `Staff: ${m.authorName ?? m.authorEmail}` : 'User'} · {fmtTime(m.createdAt)}</div>
            <div class="body">{m.content}</div>
          </li>
        ))}
      </ol>
      {t.messages.length === 0 && <Empty>No messages yet.</Empty>}
      <div class="grid">
        <form method="post" action={`/admin/support/${t.id}/reply`} class="card wide">
          <Csrf token={csrf} />
          <TextArea label="Reply to the user" name="content" required rows={5} />
          <button type="submit">Send reply</button>
        </form>
        {t.status !== 'closed' && (
          <form method="post" action={`/admin/support/${t.id}/assign`} class="card">
            <Csrf token={csrf} />
            <Select label="Assign to" name="assigneeId" options={staff.map((s) => [s.id, s.email ?? s.id] as [string, string])} value={t.assignedTo} blank="Nobody" />
            <button type="submit">Assign</button>
          </form>
        )}
        {t.status !== 'closed' && (
          <form method="post" action={`/admin/support/${t.id}/close`} class="card">
            <Csrf token={csrf} />
            <p>Closing tells the user the ticket is done.</p>
            <button type="submit" class="secondary">Close ticket</button>
          </form>
        )}
      </div>
    </>, { current: '/admin/support' });
  });

  app.post('/support/:id/reply', async (c) => {
    const f = await form(c);
    await replyAsStaff({ ctx: adminCtx(c, env), input: { ticketId: c.req.param('id'), content: f.content ?? '' } });
    return done(c, `/admin/support/${c.req.param('id')}`, 'replied');
  });
  app.post('/support/:id/assign', async (c) => {
    const f = await form(c);
    await assignTicket({ ctx: adminCtx(c, env), input: { ticketId: c.req.param('id'), assigneeId: f.assigneeId ?? '' } });
    return done(c, `/admin/support/${c.req.param('id')}`, 'assigned');
  });
  app.post('/support/:id/close', async (c) => {
    await closeTicket({ ctx: adminCtx(c, env), input: { ticketId: c.req.param('id') } });
    return done(c, `/admin/support/${c.req.param('id')}`, 'closed');
  });
}
