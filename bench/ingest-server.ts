/**
 * The server side of `npm run bench:ingest`: the real Hono app (createApp) on loopback, in its
 * own process, against the benchmark's database. Env: BENCH_DATABASE_URL, BENCH_MASTER_KEY
 * (hex), BENCH_PORT. Prints "ready" when listening.
 */
import { serve } from '@hono/node-server';
import { loadConfig } from '../src/config.ts';
import { connectDatabase } from '../src/db/client.ts';
import { createApp } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';
import { createKeyring } from '../src/services/core/keyring.ts';
import { systemClock } from '../src/shared/clock.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'error', NODE_ENV: 'production' });
const logger = createLogger({ level: 'error' });
const database = connectDatabase(process.env.BENCH_DATABASE_URL!, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'tradewire-bench-ingest' });
const keyring = createKeyring(new Map([[1, Buffer.from(process.env.BENCH_MASTER_KEY!, 'hex')]]), 1);
const app = createApp({ db: database.db, clock: systemClock, logger, config, keyring, queue: null });
serve({ fetch: app.fetch, port: Number(process.env.BENCH_PORT), hostname: '127.0.0.1' }, () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => void database.close().then(() => process.exit(0)));
