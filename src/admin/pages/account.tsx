/** The signed-in staff member's own account: 2FA, password, sessions. */
import type { Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { beginTwoFactorSetup } from '../../services/admin-auth/begin-two-factor-setup.ts';
import { confirmTwoFactor } from '../../services/admin-auth/confirm-two-factor.ts';
import { disableTwoFactor } from '../../services/admin-auth/disable-two-factor.ts';
import { changePassword } from '../../services/admin-auth/change-password.ts';
import { listMySessions } from '../../services/admin-auth/list-my-sessions.ts';
import { revokeSession } from '../../services/admin-auth/revoke-session.ts';
import { invalid } from '../../services/core/errors.ts';
import { adminCtx } from '../http/context.ts';
import { done, DoneNotice, form, page } from '../http/respond.tsx';
import { clearSessionCookie } from '../http/session.ts';
import type { AdminEnv } from '../http/types.ts';
import { fmtTime } from '../views/format.ts';
import { Csrf, Field, Notice } from '../views/ui.tsx';

export function registerAccountPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/account', async (c) => {
    const s = c.get('session')!;
    const sessions = await listMySessions({ ctx: adminCtx(c, env), input: {} });
    return page(c, 'Your account', <>
      <DoneNotice c={c} />
      <section class="card">
        <h2>Security</h2>
        <p>{s.email} · {s.role}</p>
        <p>Two-factor authentication: <strong>{s.twoFactorEnabled ? 'on' : 'off'}</strong> · <a href="/admin/account/2fa">Manage</a></p>
        <p><a href="/admin/account/password">Change your password</a></p>
      </section>
      <section class="card">
        <h2>Your sessions</h2>
        <table>
          <thead><tr><th scope="col">Signed in</th><th scope="col">Address</th><th scope="col">Device</th><th scope="col">Expires</th><th scope="col"><span class="sr">Action</span></th></tr></thead>
          <tbody>
            {sessions.map((r) => (
              <tr>
                <td>{fmtTime(r.createdAt)}{r.current ? ' (this one)' : ''}</td>
                <td>{r.ipAddress ?? '—'}</td>
                <td class="ua">{r.userAgent ?? '—'}</td>
                <td>{fmtTime(r.expiresAt)}</td>
                <td>
                  <form method="post" action={`/admin/account/sessions/${r.id}/revoke`} class="inline">
                    <Csrf token={c.get('csrfToken')} />
                    <button type="submit" class="secondary">Revoke</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>);
  });

  app.post('/account/sessions/:id/revoke', async (c) => {
    const id = c.req.param('id');
    await revokeSession({ ctx: adminCtx(c, env), input: { sessionId: id } });
    if (id === c.get('session')?.sessionId) {
      clearSessionCookie(c);
      return c.redirect('/admin/login', 303);
    }
    return done(c, '/admin/account', 'sessions');
  });

  app.get('/account/2fa', (c) => {
    const s = c.get('session')!;
    if (s.twoFactorEnabled) {
      return page(c, 'Two-factor authentication', <>
        <DoneNotice c={c} />
        <Notice kind="ok">Two-factor authentication is on.</Notice>
        {s.role === 'superadmin' ? <p>It is required for superadmins and cannot be turned off.</p> : (
          <form method="post" action="/admin/account/2fa/disable" class="card narrow">
            <Csrf token={c.get('csrfToken')} />
            <Field label="Current code (to turn it off)" name="code" required autocomplete="one-time-code" inputmode="numeric" />
            <button type="submit" class="danger">Turn off</button>
          </form>
        )}
      </>);
    }
    return page(c, 'Two-factor authentication', <>
      {s.mustSetUpTwoFactor && <Notice kind="error">Superadmins must turn on two-factor authentication before using the console.</Notice>}
      <p>You will need an authenticator app (for example Aegis, Google Authenticator, 1Password or Authy).</p>
      <form method="post" action="/admin/account/2fa/begin">
        <Csrf token={c.get('csrfToken')} />
        <button type="submit">Set up two-factor authentication</button>
      </form>
    </>);
  });

  app.post('/account/2fa/begin', async (c) => {
    const setup = await beginTwoFactorSetup({ ctx: adminCtx(c, env), input: {} });
    return page(c, 'Two-factor authentication', <>
      <ol class="steps">
        <li>In your authenticator app, add an account with this key (time-based, 6 digits, 30 seconds):
          <p class="secret" id="totp-secret">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</p>
          <p class="hint">Or paste this link into an app that accepts one: <code class="wrap">{setup.uri}</code></p>
        </li>
        <li>Enter the code the app shows:
          <form method="post" action="/admin/account/2fa/confirm" class="narrow">
            <Csrf token={c.get('csrfToken')} />
            <Field label="Code" name="code" required autocomplete="one-time-code" inputmode="numeric" pattern="[0-9 ]{6,7}" />
            <button type="submit">Turn on</button>
          </form>
        </li>
      </ol>
    </>);
  });

  app.post('/account/2fa/confirm', async (c) => {
    const f = await form(c);
    const { backupCodes } = await confirmTwoFactor({ ctx: adminCtx(c, env), input: { code: f.code ?? '' } });
    return page(c, 'Save your backup codes', <>
      <Notice kind="ok">Two-factor authentication is on.</Notice>
      <p>Each code below signs you in once if you lose your phone. They are shown only now: store them somewhere safe.</p>
      <ul class="codes" id="backup-codes">{backupCodes.map((code) => <li><code>{code}</code></li>)}</ul>
      <p><a href="/admin">Continue to the console</a></p>
    </>);
  });

  app.post('/account/2fa/disable', async (c) => {
    const f = await form(c);
    await disableTwoFactor({ ctx: adminCtx(c, env), input: { code: f.code ?? '' } });
    return done(c, '/admin/account', 'saved');
  });

  app.get('/account/password', (c) => {
    const s = c.get('session')!;
    return page(c, 'Change your password', <>
      {s.mustChangePassword && <Notice kind="error">An administrator asked you to choose a new password before continuing.</Notice>}
      <form method="post" action="/admin/account/password" class="card narrow">
        <Csrf token={c.get('csrfToken')} />
        <Field label="Current password" name="currentPassword" type="password" required autocomplete="current-password" />
        <Field label="New password" name="newPassword" type="password" required autocomplete="new-password" hint="At least 12 characters." />
        <Field label="Repeat the new password" name="confirm" type="password" required autocomplete="new-password" />
        <button type="submit">Change password</button>
      </form>
    </>);
  });

  app.post('/account/password', async (c) => {
    const f = await form(c);
    if (f.newPassword !== f.confirm) throw invalid('The two new passwords do not match.', [{ field: 'confirm', message: 'does not match' }]);
    await changePassword({ ctx: adminCtx(c, env), input: { currentPassword: f.currentPassword ?? '', newPassword: f.newPassword ?? '' } });
    return done(c, '/admin/account', 'password');
  });
}
