/** Sign-in, first-admin and invitation setup, sign-out. */
import type { Context, Hono } from 'hono';
import type { ServiceEnv } from '../../services/core/context.ts';
import { loginAdmin } from '../../services/admin-auth/login.ts';
import { revokeSession } from '../../services/admin-auth/revoke-session.ts';
import { getSetupInvitation } from '../../services/admin-auth/get-setup-invitation.ts';
import { acceptSetupInvitation } from '../../services/admin-auth/accept-setup-invitation.ts';
import { invalid } from '../../services/core/errors.ts';
import { adminCtx, gateCtx } from '../http/context.ts';
import { DoneNotice, form, page } from '../http/respond.tsx';
import { clearSessionCookie, requiredDetour, setSessionCookie } from '../http/session.ts';
import type { AdminEnv } from '../http/types.ts';
import { Field, Notice } from '../views/ui.tsx';

function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/[\w\-/?=&%.]*)?$/.test(next) && !next.startsWith('/admin/logout') ? next : '/admin';
}

function LoginForm({ email, next, askCode }: { email?: string; next?: string; askCode?: boolean }) {
  return (
    <form method="post" action="/admin/login" class="card narrow">
      <input type="hidden" name="next" value={next ?? ''} />
      <Field label="Email" name="email" type="email" value={email} required autocomplete="username" />
      <Field label="Password" name="password" type="password" required autocomplete="current-password" />
      <Field
        label="Authentication code"
        name="code"
        autocomplete="one-time-code"
        inputmode="numeric"
        hint={askCode ? 'Required: the 6-digit code from your authenticator app, or a backup code.' : 'Only if two-factor authentication is on for your account.'}
      />
      <p>
        <button type="submit">Sign in</button>
      </p>
    </form>
  );
}

export function registerAuthPages(app: Hono<AdminEnv>, env: ServiceEnv): void {
  app.get('/login', (c) => {
    if (c.get('session')) return c.redirect('/admin', 303);
    return page(c, 'Sign in', <><DoneNotice c={c} /><LoginForm next={c.req.query('next')} /></>);
  });

  app.post('/login', async (c) => {
    const f = await form(c);
    const result = await loginAdmin({
      ctx: gateCtx(c, env),
      input: { email: f.email ?? '', password: f.password ?? '', code: f.code || undefined, ip: c.get('ip'), userAgent: c.get('userAgent') },
    });
    if (result.outcome === 'refused') {
      const status = result.reason === 'locked' ? 423 : 401;
      return page(c, 'Sign in', <><Notice kind="error">{result.message}</Notice><LoginForm email={f.email} next={f.next} askCode={result.reason === 'code_required'} /></>, { status });
    }
    setSessionCookie(c, env, result.sessionToken, result.expiresAt);
    return c.redirect(safeNext(f.next), 303);
  });

  app.post('/logout', async (c) => {
    const session = c.get('session');
    if (session) await revokeSession({ ctx: adminCtx(c, env), input: { sessionId: session.sessionId } });
    clearSessionCookie(c);
    return c.redirect('/admin/login', 303);
  });

  app.get('/setup/:token', async (c) => {
    const invitation = await getSetupInvitation({ ctx: gateCtx(c, env), input: { token: c.req.param('token') } });
    return page(c, invitation.role === 'superadmin' ? 'Create the superadmin account' : 'Set up your console account', <SetupForm token={c.req.param('token')} email={invitation.email} role={invitation.role} />);
  });

  app.post('/setup/:token', async (c) => {
    const f = await form(c);
    if (f.password !== f.confirm) throw invalid('The two passwords do not match.', [{ field: 'confirm', message: 'does not match' }]);
    await acceptSetupInvitation({ ctx: gateCtx(c, env), input: { token: c.req.param('token'), email: f.email, name: f.name ?? '', password: f.password ?? '' } });
    return c.redirect('/admin/login?done=created', 303);
  });
}

function SetupForm({ token, email, role }: { token: string; email: string | null; role: string }) {
  return (
    <form method="post" action={`/admin/setup/${token}`} class="card narrow">
      <p>
        This one-time link creates a <strong>{role}</strong> account. {role === 'superadmin' ? 'You will turn on two-factor authentication right after signing in.' : ''}
      </p>
      {email ? (
        <p>
          Email: <strong>{email}</strong>
        </p>
      ) : (
        <Field label="Email" name="email" type="email" required autocomplete="username" />
      )}
      <Field label="Your name" name="name" required autocomplete="name" />
      <Field label="Password" name="password" type="password" required autocomplete="new-password" hint="At least 12 characters." />
      <Field label="Repeat the password" name="confirm" type="password" required autocomplete="new-password" />
      <p>
        <button type="submit">Create account</button>
      </p>
    </form>
  );
}

export function homeFor(c: Context<AdminEnv>): string {
  const session = c.get('session');
  return session ? (requiredDetour(session) ?? '/admin') : '/admin/login';
}
