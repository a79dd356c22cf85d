/**
 * Print the one-time link that creates the first superadmin, when none exists. It goes to
 * stdout directly, not through the logger: it is a secret, and log pipelines keep lines longer
 * than a setup link should live.
 */
import type { ServiceEnv } from '../services/core/context.ts';
import { issueFirstSuperadminLink, setupUrl } from '../services/admin-auth/issue-setup-link.ts';

export async function printFirstAdminLink(env: ServiceEnv, baseUrl: string, options: { force?: boolean; write?: (text: string) => void } = {}): Promise<boolean> {
  const issued = await issueFirstSuperadminLink({ ctx: { actor: { kind: 'system', job: 'admin-setup' }, requestId: 'admin-setup', env }, input: { force: options.force ?? false } });
  if (!issued) return false;
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  write(
    [
      '',
      '  ┌─ Tradewire console: create the first superadmin ─────────────────────',
      `  │ Open this one-time link (valid until ${issued.expiresAt.toISOString()}):`,
      `  │ ${setupUrl(baseUrl, issued.token)}`,
      '  │ Printing a new link (npm start, npm run admin:create) cancels this one.',
      '  └──────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n') + '\n',
  );
  return true;
}
