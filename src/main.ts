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
import { printFirstAdminLink } from './admin/setup-link.ts';
import { createMarketDataProvider } from './services/market/market-data-provider.ts';
import { seedDemoBots } from './services/bots/seed-demo-bots.ts';
import { startLeaderLock } from './services/system/leader-lock.ts';
import { runtimeSchedules, startTickWorker } from './jobs/runtime.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { registerCommunityJobs } from './jobs/community.ts';
import { startChat } from './bots/start-chat.ts';
import { deliverPendingNotifications } from './jobs/deliver-notifications.ts';

const SCHEDULER_LOCK = 7_406_512_002; // "tradewire scheduler leader"

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
  const market = await createMarketDataProvider({ config, clock: systemClock, logger });
  const env: ServiceEnv = { db: database.db, clock: systemClock, logger, config, keyring: loadKeyring(config, logger), queue, market };

  const closers: (() => Promise<void>)[] = [() => queue.stop()];
  const runs = (role: string) => config.ROLE === 'all' || config.ROLE === role;
  const chat = await startChat(env, { role: config.ROLE });
  closers.push(() => chat.stop());
  if (runs('scheduler') && config.SEED_DEMO) await seedDemoBots(env).catch((err) => logger.error({ err }, 'could not create the demo bots'));
  const community = registerCommunityJobs(env);
  if (runs('worker')) {
    await startTickWorker(env);
    await community.startWorkers();
  }
  if (runs('scheduler')) {
    const leader = await startLeaderLock(database.url, SCHEDULER_LOCK, logger);
    const schedules = [
      ...runtimeSchedules(env),
      ...community.schedules,
      // claimNotifications leases rows, so a delivery run never overlaps another one
      { name: 'deliver-notifications', cron: '*/15 * * * * *', run: async () => void (await deliverPendingNotifications(env, chat.senders)) },
    ];
    const scheduler = startScheduler(schedules, { isLeader: leader.isLeader, logger });
    closers.push(() => leader.stop(), () => scheduler.stop());
  }
  if (runs('web')) {
    const app = createApp(env, chat.mounts);
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    logger.info(
      { port: config.PORT, role: config.ROLE, database: database.embedded ? `embedded (${database.embedded.dataDir})` : 'DATABASE_URL' },
      `Tradewire is up: health ${base}/health · console ${base}/admin · signal webhooks ${base}/webhooks/signals/:providerId`,
    );
    await printFirstAdminLink(env, base).catch((err) => logger.error({ err }, 'could not issue the first-admin setup link'));
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
