/**
 * A separate worker process for `npm run bench:broadcast` and the broadcast kill test: it runs
 * the real community workers (registerCommunityJobs) against the given database and Bot API
 * (the test kills it with SIGKILL mid-broadcast). Settings come from the environment:
 *   WORKER_DATABASE_URL, WORKER_MASTER_KEY (hex), TELEGRAM_API_ROOT, WORKERS (default 2).
 */
import { loadConfig } from '../src/config.ts';
import { connectDatabase } from '../src/db/client.ts';
import { registerCommunityJobs } from '../src/jobs/community.ts';
import { createLogger } from '../src/logger.ts';
import { createKeyring } from '../src/services/core/keyring.ts';
import { startQueue } from '../src/services/core/queue.ts';
import { systemClock } from '../src/shared/clock.ts';

const url = process.env.WORKER_DATABASE_URL!;
const logger = createLogger({ level: process.env.WORKER_LOG_LEVEL ?? 'silent' });
const database = connectDatabase(url, { poolSize: 6, applicationName: 'tradewire-test-worker' });
const queue = await startQueue(url, logger, { supervise: false, poolSize: 3 });
const config = loadConfig({ NODE_ENV: 'test', TELEGRAM_API_ROOT: process.env.TELEGRAM_API_ROOT });
const keyring = createKeyring(new Map([[1, Buffer.from(process.env.WORKER_MASTER_KEY!, 'hex')]]), 1);
const env = { db: database.db, clock: systemClock, logger, config, keyring, queue };
await registerCommunityJobs(env).startWorkers({ broadcastWorkers: Number(process.env.WORKERS ?? 2) });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void queue.stop().then(() => database.close()).then(() => process.exit(0)));
