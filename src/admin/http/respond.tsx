/** Render pages, read forms, and turn errors into pages with the right status. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ServiceEnv } from '../../services/core/context.ts';
import { HTTP_STATUS, isServiceError } from '../../services/core/errors.ts';
import { recordSecurityEvent } from '../../services/system/record-security-event.ts';
import { Layout } from '../views/layout.tsx';
import { Issues, Notice } from '../views/ui.tsx';
import { gateCtx } from './context.ts';
import type { AdminEnv } from './types.ts';

export function page(c: Context<AdminEnv>, title: string, body: Child, options: { current?: string; status?: ContentfulStatusCode; refreshSeconds?: number } = {}) {
  const html = <Layout title={title} session={c.get('session')} csrf={c.get('csrfToken')} current={options.current} refreshSeconds={options.refreshSeconds}>{body}</Layout>;
  return c.html(`<!DOCTYPE html>${html.toString()}`, options.status ?? 200);
}

/** A form body as strings (files are ignored; the console takes none). */
export async function form(c: Context<AdminEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

/** After a POST: back to a page with a fixed notice key (never free text in the URL). */
export function done(c: Context<AdminEnv>, path: string, notice: string) {
  return c.redirect(`${path}${path.includes('?') ? '&' : '?'}done=${encodeURIComponent(notice)}`, 303);
}

export const NOTICES: Record<string, string> = {
  banned: 'The user is banned and signed out everywhere.',
  suspended: 'The user is suspended.',
  reactivated: 'The user is active again.',
  reset: 'The user must choose a new password at the next sign-in; their sessions were revoked.',
  granted: 'The complimentary subscription is granted.',
  noted: 'Note added.',
  role: 'Role changed; the user’s sessions were revoked.',
  sessions: 'Sessions revoked.',
  assigned: 'Ticket assigned.',
  replied: 'Reply sent; the user is notified in their chat.',
  closed: 'Ticket closed; the user is notified.',
  paused: 'Bot paused; the owner is notified.',
  stopped: 'Bot stopped; the owner is notified.',
  saved: 'Saved.',
  deleted: 'Deleted.',
  settings: 'System settings saved.',
  blocked: 'Address blocked.',
  unblocked: 'Address unblocked.',
  twofactor: 'Two-factor authentication is on.',
  password: 'Password changed; your other sessions were signed out.',
  invited: 'Invitation created.',
  created: 'Account created. Sign in to continue.',
  provider_enabled: 'Provider switched on: its webhook accepts signals again.',
  provider_disabled: 'Provider switched off: its webhook now answers 404.',
  tenant_created: 'Community created.',
  member_added: 'Member added.',
  bot_connected: 'Bot connected. The token is stored encrypted and is not shown again.',
  broadcast_saved: 'Broadcast saved as a draft.',
  broadcast_started: 'Broadcast started: messages are being sent.',
  journey_created: 'Journey created.',
  step_added: 'Step added.',
  campaign_created: 'Campaign created as a draft.',
  campaign_status: 'Campaign status changed.',
};

export function DoneNotice({ c }: { c: Context<AdminEnv> }) {
  const key = c.req.query('done');
  const text = key ? NOTICES[key] : undefined;
  return text ? <Notice kind="ok">{text}</Notice> : null;
}

export function consoleErrorHandler(env: ServiceEnv) {
  return async (error: Error, c: Context<AdminEnv>) => {
    if (isServiceError(error)) {
      const status = HTTP_STATUS[error.code] as ContentfulStatusCode;
      const back = sameOriginReferer(c) ?? '/admin';
      return page(
        c,
        status === 404 ? 'Not found' : status === 403 ? 'Not allowed' : 'That did not work',
        <>
          <Notice kind="error">{error.message}</Notice>
          <Issues issues={error.issues} />
          <p>
            <a href={back}>Go back</a>
          </p>
        </>,
        { status },
      );
    }
    if (error instanceof HTTPException && error.status === 403) {
      // Hono's origin check refused a cross-site form post.
      await recordSecurityEvent({
        ctx: gateCtx(c, env),
        input: { type: 'csrf_failure', ip: c.get('ip') ?? 'unknown', userAgent: c.get('userAgent') ?? '', metadata: { path: c.req.path, origin: c.req.header('origin') ?? null, reason: 'origin' } },
      }).catch(() => {});
      return c.text('Forbidden: this form did not come from the console.', 403);
    }
    if (error instanceof HTTPException) return error.getResponse();
    env.logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'console error');
    return page(c, 'Something went wrong', <Notice kind="error">Something went wrong on our side. It has been logged (request {c.get('requestId')}).</Notice>, { status: 500 });
  };
}

function sameOriginReferer(c: Context): string | null {
  const ref = c.req.header('referer');
  if (!ref) return null;
  try {
    const url = new URL(ref);
    return url.origin === new URL(c.req.url).origin && url.pathname.startsWith('/admin') ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
