/**
 * `npm run chat`: Tradewire in a terminal, as the local console user, with no configuration.
 * It opens the same database `npm start` uses (DATABASE_URL, or the embedded Postgres in
 * DATA_DIR, attaching to it when `npm start` is already running) and talks to the same commands.
 *   npm run chat                 you are local:<your OS user name>
 *   npm run chat -- --user ana   another local identity (try /link between two terminals)
 * Logs go to stderr, the conversation to stdout, so `echo /help | npm run chat` works.
 * Notifications for this user (support replies, alerts) are printed as they arrive.
 */
import { userInfo } from 'node:os';
import path from 'node:path';
import { createChatRegistry } from './bots/commands/index.ts';
import { createConsoleSession } from './bots/console/console-adapter.ts';
import { deliverPendingNotifications } from './jobs/deliver-notifications.ts';
import { ChatEngine } from './bots/core/engine.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/bootstrap.ts';
import { createLogger } from './logger.ts';
import type { ServiceEnv } from './services/core/context.ts';
import { loadKeyring } from './services/core/keyring.ts';
import { ccxtProvider, replayProvider } from './services/market/market-data-provider.ts';
import { systemClock } from './shared/clock.ts';
import { pino } from 'pino';

async function chat(): Promise<void> {
  const config = loadConfig();
  const level = process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn';
  const logger = createLogger({ level, destination: pino.destination(2) });
  const userFlag = process.argv.indexOf('--user');
  const name = (userFlag > 0 ? process.argv[userFlag + 1] : undefined) ?? userInfo().username ?? 'me';
  const platformUserId = `local:${name.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40) || 'me'}`;

  const database = await openDatabase(config, logger);
  // Charts and backtests read prices here; 'auto' is not probed (that could hold up start-up offline), so it replays like 'replay'.
  const market = config.MARKET_DATA === 'ccxt' ? ccxtProvider({ config, clock: systemClock, logger }) : replayProvider(systemClock, config.REPLAY_SPEED);
  const env: ServiceEnv = { db: database.db, clock: systemClock, logger, config, keyring: loadKeyring(config, logger), queue: null, market };
  const engine = new ChatEngine({ env, registry: createChatRegistry() });
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  process.stdout.write(`Tradewire terminal: you are ${platformUserId}. Try /start or /help; /cancel stops a question; #1, #2… press buttons; Ctrl+D quits.\n`);
  const session = createConsoleSession({ engine, input: process.stdin, output: process.stdout, platformUserId, imageDir: path.resolve(config.DATA_DIR, 'images'), interactive });
  // Staff replies and other alerts for this terminal's user show up as they come.
  const timer = setInterval(() => {
    deliverPendingNotifications(env, { console: session.sender }).catch((err) => logger.warn({ err }, 'could not deliver notifications here'));
  }, 5_000);
  await session.run();
  clearInterval(timer);
  await database.shutdown();
}

chat().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `npm run chat failed: ${error instanceof Error ? error.message : String(error)}`}\n`);
    process.exit(1);
  },
);
