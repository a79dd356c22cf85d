/** The user page: profile, linked chats, bots, subscription, tickets, notes, and actions. */
import type { AdminSession } from '../../services/admin-auth/authenticate-session.ts';
import type { getUserOverview } from '../../services/admin-users/get-user-overview.ts';
import { ADMIN_NOTE_CATEGORIES, USER_ROLES } from '../../shared/enums.ts';
import { dateInputValue, fmtDay, fmtMoney, fmtSigned, fmtTime } from '../views/format.ts';
import { Csrf, Empty, Field, Select, TextArea } from '../views/ui.tsx';

type Overview = Awaited<ReturnType<typeof getUserOverview>>;

export function UserDetail({ o, csrf, viewer, now }: { o: Overview; csrf: string; viewer: AdminSession; now: Date }) {
  const p = o.profile;
  const staffTarget = p.role !== 'user';
  const mayModerate = p.id !== viewer.userId && (!staffTarget || viewer.role === 'superadmin');
  const soon = dateInputValue(new Date(now.getTime() + 7 * 86_400_000));
  const Action = ({ path, label, danger, children }: { path: string; label: string; danger?: boolean; children?: unknown }) => (
    <form method="post" action={`/admin/users/${p.id}/${path}`} class="card action">
      <Csrf token={csrf} />
      {children as never}
      <button type="submit" class={danger ? 'danger' : undefined}>{label}</button>
    </form>
  );
  return (
    <div class="grid">
      <section class="card">
        <h2>Profile</h2>
        <dl>
          <dt>Email</dt><dd>{p.email ?? '—'}</dd>
          <dt>Status</dt><dd><span class={`status ${p.status}`}>{p.status}</span>{p.status === 'suspended' && ` until ${fmtTime(p.suspendedUntil)}`}{p.bannedReason && ` — ${p.bannedReason}`}{p.suspendedReason && p.status === 'suspended' && ` — ${p.suspendedReason}`}</dd>
          <dt>Role</dt><dd>{p.role}</dd>
          <dt>Two-factor</dt><dd>{p.twoFactorEnabled ? 'on' : 'off'}</dd>
          <dt>Password reset required</dt><dd>{p.forcePasswordReset ? 'yes' : 'no'}</dd>
          <dt>Locked until</dt><dd>{fmtTime(p.lockedUntil)}</dd>
          <dt>Last sign-in</dt><dd>{fmtTime(p.lastLoginAt)}</dd>
          <dt>Joined</dt><dd>{fmtTime(p.createdAt)}</dd>
          <dt>User id</dt><dd><code>{p.id}</code></dd>
        </dl>
      </section>
      <section class="card">
        <h2>Linked chats</h2>
        <dl>
          <dt>Telegram chat</dt><dd>{o.linkedChats.telegramChatId ?? 'not linked'}</dd>
          <dt>Discord user</dt><dd>{o.linkedChats.discordUserId ?? 'not linked'}</dd>
          <dt>WhatsApp</dt><dd>{o.linkedChats.whatsappPhone ?? 'not linked'}</dd>
        </dl>
        <h2>Subscription</h2>
        {o.subscription ? (
          <p>
            <strong>{o.subscription.plan}</strong> ({o.subscription.status}, {o.subscription.provider}) until {fmtDay(o.subscription.expiresAt)}
            {o.subscription.isComplimentary && <> · complimentary: {o.subscription.grantReason}</>}
          </p>
        ) : <p>Free plan (no active subscription).</p>}
      </section>
      <section class="card wide">
        <h2>Bots</h2>
        {o.bots.length === 0 ? <Empty>No bots.</Empty> : (
          <table>
            <thead><tr><th scope="col">Bot</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Pair</th><th scope="col">Trades</th><th scope="col">P&amp;L</th></tr></thead>
            <tbody>{o.bots.map((b) => (
              <tr><td>{b.name}{b.paperTrading ? ' (paper)' : ''}</td><td>{b.type}</td><td><span class={`status ${b.status}`}>{b.status}</span></td><td>{b.tradingPair ?? '—'}</td><td class="num">{b.totalTrades}</td><td class="num">{fmtSigned(b.profit)} ({fmtMoney(b.profitPercentage)}%)</td></tr>
            ))}</tbody>
          </table>
        )}
      </section>
      <section class="card wide">
        <h2>Support tickets</h2>
        {o.tickets.length === 0 ? <Empty>No tickets.</Empty> : (
          <ul>{o.tickets.map((t) => <li><a href={`/admin/support/${t.id}`}>{t.subject}</a> — {t.status}, {t.priority}, {fmtTime(t.createdAt)}</li>)}</ul>
        )}
      </section>
      <section class="card wide">
        <h2>Admin notes</h2>
        {o.notes.length === 0 ? <Empty>No notes yet.</Empty> : (
          <ul class="notes">{o.notes.map((n) => <li><span class="badge">{n.category}</span> {n.content} <span class="sub">— {n.authorEmail ?? n.authorId}, {fmtTime(n.createdAt)}</span></li>)}</ul>
        )}
        <form method="post" action={`/admin/users/${p.id}/notes`}>
          <Csrf token={csrf} />
          <Select label="Category" name="category" options={ADMIN_NOTE_CATEGORIES} />
          <TextArea label="Note" name="content" required rows={3} />
          <button type="submit">Add note</button>
        </form>
      </section>
      <section class="wide">
        <h2>Actions</h2>
        {!mayModerate ? <p>{p.id === viewer.userId ? 'This is your own account.' : 'Only a superadmin can act on a staff account.'}</p> : (
          <div class="actions">
            {p.status !== 'banned' && (
              <Action path="ban" label="Ban" danger>
                <Field label="Reason for the ban" name="reason" required />
              </Action>
            )}
            <Action path="suspend" label="Suspend">
              <Field label="Suspended until (end of day, UTC)" name="until" type="date" value={soon} required />
              <Field label="Reason" name="reason" required />
            </Action>
            {p.status !== 'active' && <Action path="reactivate" label="Lift ban or suspension" />}
            <Action path="force-password-reset" label="Force a password reset" />
            <Action path="revoke-sessions" label="Sign out everywhere" />
            <Action path="subscription" label="Grant subscription">
              <Select label="Plan" name="plan" options={['basic', 'pro', 'enterprise']} value="pro" />
              <Field label="Until (end of day, UTC)" name="until" type="date" value={dateInputValue(new Date(now.getTime() + 30 * 86_400_000))} required />
              <Field label="Reason" name="reason" required />
            </Action>
            {viewer.role === 'superadmin' && (
              <Action path="role" label="Change role">
                <Select label="Role" name="role" options={USER_ROLES} value={p.role} />
              </Action>
            )}
          </div>
        )}
      </section>
      <section class="card wide">
        <h2>Recent sign-ins</h2>
        {o.logins.length === 0 ? <Empty>None.</Empty> : (
          <table>
            <thead><tr><th scope="col">When</th><th scope="col">Address</th><th scope="col">Result</th></tr></thead>
            <tbody>{o.logins.map((l) => <tr><td>{fmtTime(l.createdAt)}</td><td>{l.ipAddress}</td><td>{l.success ? 'success' : `failed: ${l.failureReason}`}</td></tr>)}</tbody>
          </table>
        )}
      </section>
    </div>
  );
}
