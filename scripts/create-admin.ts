/**
 * `npm run admin:create`: print a one-time link that creates a superadmin when none exists.
 * `npm run admin:create -- --force` prints one even when a superadmin exists (recovery from the
 * shell, for example after a lost 2FA device).
 */
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/bootstrap.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/shared/clock.ts';
import { loadKeyring } from '../src/services/core/keyring.ts';
import type { ServiceEnv } from '../src/services/core/context.ts';
import { printFirstAdminLink } from '../src/admin/setup-link.ts';

const force = process.argv.includes('--force');
try {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
  const database = await openDatabase(config, logger, { seed: false });
  const env: ServiceEnv = { db: database.db, clock: systemClock, logger, config, keyring: loadKeyring(config, logger), queue: null };
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const printed = await printFirstAdminLink(env, base, { force });
  if (!printed) process.stdout.write('A superadmin already exists. Sign in at ' + `${base}/admin` + ', or run `npm run admin:create -- --force` to issue another superadmin link.\n');
  await database.shutdown();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `admin:create failed: ${(error as Error).message}`}\n`);
  process.exit(1);
}
