/** Users: search and filter, the user page, and moderation actions. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { listUsers } from '../../services/admin-users/list-users.ts';
import { getUserOverview } from '../../services/admin-users/get-user-overview.ts';
import { banUser } from '../../services/admin-users/ban-user.ts';
import { suspendUser } from '../../services/admin-users/suspend-user.ts';
import { reactivateUser } from '../../services/admin-users/reactivate-user.ts';
import { forcePasswordReset } from '../../services/admin-users/force-password-reset.ts';
import { grantComplimentarySubscription } from '../../services/admin-users/grant-complimentary-subscription.ts';
import { addAdminNote } from '../../services/admin-users/add-admin-note.ts';
import { setUserRole } from '../../services/admin-users/set-user-role.ts';
import { revokeUserSessions } from '../../services/admin-users/revoke-user-sessions.ts';
import { inviteStaff } from '../../services/admin-users/invite-staff.ts';
import { setupUrl } from '../../services/admin-auth/issue-setup-link.ts';
import { USER_ROLES, USER_STATUSES } from '../../shared/enums.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import type { AdminEnv } from '../http/types.ts';
import { fmtTime, personName } from '../views/format.ts';
import { Csrf, Empty, Field, Notice, Pagination, Select } from '../views/ui.tsx';
import { UserDetail } from './user-detail.tsx';

export function registerUserPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/users', async (c) => {
    const q = c.req.query();
    const result = await listUsers({ ctx: adminCtx(c, env), input: q });
    const superadmin = c.get('session')?.role === 'superadmin';
    return page(c, 'Users', <>
      <DoneNotice c={c} />
      <form method="get" action="/admin/users" class="filters" role="search">
        <Field label="Search" name="q" type="search" value={q.q} hint="Email, name, user id, Telegram chat id or Discord user id" />
        <Select label="Status" name="status" options={USER_STATUSES} value={q.status} blank="Any" />
        <Select label="Role" name="role" options={USER_ROLES} value={q.role} blank="Any" />
        <button type="submit">Filter</button>
      </form>
      {result.rows.length === 0 ? <Empty>No users match.</Empty> : (
        <table>
          <thead><tr><th scope="col">User</th><th scope="col">Status</th><th scope="col">Role</th><th scope="col">Chats</th><th scope="col">Plan</th><th scope="col">Joined</th></tr></thead>
          <tbody>
            {result.rows.map((u) => (
              <tr>
                <td><a href={`/admin/users/${u.id}`}>{personName(u)}</a>{u.email && u.email !== personName(u) ? <div class="sub">{u.email}</div> : null}</td>
                <td><span class={`status ${u.status}`}>{u.status}</span>{u.suspendedUntil && u.status === 'suspended' ? <div class="sub">until {fmtTime(u.suspendedUntil)}</div> : null}</td>
                <td>{u.role}</td>
                <td>{[u.telegramChatId && 'Telegram', u.discordUserId && 'Discord'].filter(Boolean).join(', ') || '—'}</td>
                <td>{u.subscriptionPlan ?? '—'}</td>
                <td>{fmtTime(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={result.page} pages={result.pages} total={result.total} query={q} />
      {superadmin && (
        <section class="card">
          <h2>Invite a staff member</h2>
          <form method="post" action="/admin/users/invite" class="row">
            <Csrf token={c.get('csrfToken')} />
            <Field label="Email" name="email" type="email" required />
            <Select label="Role" name="role" options={['admin', 'superadmin']} />
            <button type="submit">Create invitation link</button>
          </form>
        </section>
      )}
    </>, { current: '/admin/users' });
  });

  app.post('/users/invite', async (c) => {
    const f = await form(c);
    const invite = await inviteStaff({ ctx: adminCtx(c, env), input: { email: f.email ?? '', role: f.role as 'admin' } });
    const base = env.config.PUBLIC_URL ?? new URL(c.req.url).origin;
    return page(c, 'Invitation created', <>
      <Notice kind="ok">Send this one-time link to {f.email} (it works once, until {fmtTime(invite.expiresAt)}):</Notice>
      <p><code class="wrap">{setupUrl(base, invite.token)}</code></p>
      <p><a href="/admin/users">Back to users</a></p>
    </>);
  });

  app.get('/users/:id', async (c) => {
    const overview = await getUserOverview({ ctx: adminCtx(c, env), input: { userId: c.req.param('id') } });
    return page(c, personName(overview.profile), <><DoneNotice c={c} /><UserDetail o={overview} csrf={c.get('csrfToken')} viewer={c.get('session')!} now={env.clock.now()} /></>, { current: '/admin/users' });
  });

  const action = (path: string, notice: string, run: (ctx: ReturnType<typeof adminCtx>, userId: string, f: Record<string, string>) => Promise<unknown>) =>
    app.post(`/users/:id/${path}`, async (c) => {
      const userId = c.req.param('id');
      await run(adminCtx(c, env), userId, await form(c));
      return done(c, `/admin/users/${userId}`, notice);
    });

  action('ban', 'banned', (ctx, userId, f) => banUser({ ctx, input: { userId, reason: f.reason ?? '' } }));
  action('suspend', 'suspended', (ctx, userId, f) => suspendUser({ ctx, input: { userId, until: endOfDay(f.until), reason: f.reason ?? '' } }));
  action('reactivate', 'reactivated', (ctx, userId) => reactivateUser({ ctx, input: { userId } }));
  action('force-password-reset', 'reset', (ctx, userId) => forcePasswordReset({ ctx, input: { userId } }));
  action('revoke-sessions', 'sessions', (ctx, userId) => revokeUserSessions({ ctx, input: { userId } }));
  action('subscription', 'granted', (ctx, userId, f) =>
    grantComplimentarySubscription({ ctx, input: { userId, plan: f.plan as 'pro', until: endOfDay(f.until), reason: f.reason ?? '' } }),
  );
  action('notes', 'noted', (ctx, userId, f) => addAdminNote({ ctx, input: { userId, category: f.category as 'general', content: f.content ?? '' } }));
  action('role', 'role', (ctx, userId, f) => setUserRole({ ctx, input: { userId, role: f.role as 'user' } }));
}

/** A date field means "until the end of that day (UTC)". */
function endOfDay(value: string | undefined): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : (value ?? '');
}
