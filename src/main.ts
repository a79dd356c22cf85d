/**
 * Start the roles this process runs (ROLE=all|web|worker|scheduler, default all).
 */
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/bootstrap.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logger.ts';
import type { ServiceEnv } from './services/core/context.ts';
import { systemClock } from './shared/clock.ts';
import { loadKeyring } from './services/core/keyring.ts';
import { startQueue } from './services/core/queue.ts';
import { startChat } from './bots/start-chat.ts';
import { deliverPendingNotifications } from './jobs/deliver-notifications.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  const database = await openDatabase(config, logger);
  const queue = await startQueue(database.url, logger, { supervise: config.ROLE === 'all' || config.ROLE === 'scheduler' });
  const env: ServiceEnv = { db: database.db, clock: systemClock, logger, config, keyring: loadKeyring(config, logger), queue };

  const closers: (() => Promise<void>)[] = [() => queue.stop()];
  const chat = await startChat(env, { role: config.ROLE });
  closers.push(() => chat.stop());
  if (config.ROLE === 'all' || config.ROLE === 'worker') {
    // TODO(lead): move to the node-cron scheduler (src/jobs/scheduler.ts, leader lock) once it
    // exists. Until then each worker polls; leases in claimNotifications keep runs from overlapping.
    let delivering = false;
    const timer = setInterval(() => {
      if (delivering) return;
      delivering = true;
      deliverPendingNotifications(env, chat.senders)
        .catch((err) => logger.error({ err }, 'notification delivery run failed'))
        .finally(() => (delivering = false));
    }, 30_000);
    closers.push(async () => clearInterval(timer));
  }
  if (config.ROLE === 'all' || config.ROLE === 'web') {
    const app = createApp(env, chat.mounts);
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    logger.info(
      { port: config.PORT, role: config.ROLE, database: database.embedded ? `embedded (${database.embedded.dataDir})` : 'DATABASE_URL' },
      `Tradewire is up: health ${base}/health · console ${base}/admin · signal webhooks ${base}/webhooks/signals/:providerId`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    queue.beginShutdown();
    logger.info({ signal }, 'shutting down');
    for (const close of closers.reverse()) await close().catch((err) => logger.warn({ err }, 'error while closing'));
    await database.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Tradewire failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
