/** The console page frame: skip link, navigation by role, main content. No scripts. */
import type { Child } from 'hono/jsx';
import type { AdminSession } from '../../services/admin-auth/authenticate-session.ts';

const NAV: { href: string; label: string; superadmin?: boolean }[] = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/support', label: 'Support' },
  { href: '/admin/bots', label: 'Bots' },
  { href: '/admin/signals', label: 'Signals' },
  { href: '/admin/tenants', label: 'Tenants' },
  { href: '/admin/content', label: 'Content' },
  { href: '/admin/system', label: 'System' },
];

export interface LayoutProps {
  title: string;
  session?: AdminSession | null;
  csrf?: string;
  current?: string;
  /** Reload the page every so many seconds (a broadcast's progress while it sends); no scripts. */
  refreshSeconds?: number;
  children?: Child;
}

export function Layout({ title, session, csrf, current, refreshSeconds, children }: LayoutProps) {
  const restricted = session && (session.mustChangePassword || session.mustSetUpTwoFactor);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
        <title>{`${title} · Tradewire console`}</title>
        <link rel="stylesheet" href="/admin/static/admin.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <span class="brand">Tradewire console</span>
          {session && (
            <nav aria-label="Main">
              <ul>
                {!restricted &&
                  NAV.filter((n) => !n.superadmin || session.role === 'superadmin').map((n) => (
                    <li>
                      <a href={n.href} aria-current={current === n.href ? 'page' : undefined}>
                        {n.label}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
          {session && (
            <div class="who">
              <a href="/admin/account">{session.name}</a> <span class="badge">{session.role}</span>
              <form method="post" action="/admin/logout" class="inline">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="link">Sign out</button>
              </form>
            </div>
          )}
        </header>
        <main id="main">
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}
