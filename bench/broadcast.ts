/**
 * npm run bench:broadcast — one broadcast to 10,000 recipients (BENCH_RECIPIENTS) through the
 * job queue, delivered by BENCH_WORKER_PROCESSES worker processes (default 2, each with two
 * queue workers) against a fake Bot API that allows 30 messages/s per token and answers 429
 * beyond it. Prints one JSON object: achieved rate (delivered messages per second between the
 * first and the last), 429s, duplicates (a chat that received it twice) and losses (a recipient
 * who never received it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { connectDatabase } from '../src/db/client.ts';
import { createLogger } from '../src/logger.ts';
import { createBroadcast, startBroadcast } from '../src/services/broadcasts/manage-broadcasts.ts';
import { createKeyring } from '../src/services/core/keyring.ts';
import { startQueue } from '../src/services/core/queue.ts';
import { createTenant } from '../src/services/tenants/create-tenant.ts';
import { systemClock } from '../src/shared/clock.ts';
import { openBenchDatabase } from './bench-database.ts';
import { startFakeBotApi } from './fake-bot-api.ts';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const PROCESSES = Number(process.env.BENCH_WORKER_PROCESSES ?? 2);
const GOAL = { ratePerSecond: 28, duplicates: 0, losses: 0 };

const db = await openBenchDatabase('bench_broadcast');
const fake = await startFakeBotApi(30);
const key = randomBytes(32);
const logger = createLogger({ level: 'silent' });
const database = connectDatabase(db.url, { poolSize: 4 });
const queue = await startQueue(db.url, logger, { supervise: false, poolSize: 2 });
const config = loadConfig({ TELEGRAM_API_ROOT: fake.apiRoot });
const env = { db: database.db, clock: systemClock, logger, config, keyring: createKeyring(new Map([[1, key]]), 1), queue };
const ctx = { actor: { kind: 'system' as const, job: 'bench' }, requestId: 'bench', env };

await createTenant({ ctx, input: { id: 'bench', name: 'Bench' } });
await database.pool.query(`insert into tenant_bot_connections (id, tenant_id, bot_role, bot_token_encrypted, webhook_secret) values ('bench-bot', 'bench', 'message_bot', $1, $2)`, [env.keyring.encrypt('700001:BENCHBENCHBENCHBENCHBENCHBENCH'), env.keyring.encrypt('s')]);
await database.pool.query(`insert into bot_users (id, tenant_id, chat_id) select 'u' || g, 'bench', 100000 + g from generate_series(1, $1) g`, [RECIPIENTS]);
const broadcast = await createBroadcast({ ctx, input: { tenantId: 'bench', message: 'Benchmark broadcast' } });
const started = performance.now();
await startBroadcast({ ctx, input: { tenantId: 'bench', broadcastId: broadcast.id } });
const fanOutMs = performance.now() - started;

const workers: ChildProcess[] = [];
for (let i = 0; i < PROCESSES; i += 1) {
  workers.push(
    spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'broadcast-worker.ts')], {
      env: { ...process.env, WORKER_DATABASE_URL: db.url, WORKER_MASTER_KEY: key.toString('hex'), TELEGRAM_API_ROOT: fake.apiRoot, WORKERS: '2' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
}
const client = new pg.Client({ connectionString: db.url });
await client.connect();
for (;;) {
  await new Promise((r) => setTimeout(r, 2000));
  const { rows } = await client.query('select status from broadcast_jobs where id = $1', [broadcast.id]);
  if (process.env.BENCH_DEBUG) process.stderr.write(JSON.stringify((await client.query('select status, count(*)::int from broadcast_deliveries group by 1')).rows) + ' ' + fake.deliveredTimes.length + ' 429:' + fake.rejected429 + '\n');
  if (rows[0].status === 'completed') break;
}
const statuses = Object.fromEntries((await client.query('select status, count(*)::int as n from broadcast_deliveries where broadcast_id = $1 group by status', [broadcast.id])).rows.map((r) => [r.status, r.n]));
await client.end();
for (const w of workers) w.kill('SIGTERM');
await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
await queue.stop();
await database.close();

const times = fake.deliveredTimes;
const spanS = (times[times.length - 1] - times[0]) / 1000;
const duplicates = [...fake.delivered.values()].filter((n) => n > 1).length;
const losses = RECIPIENTS - fake.delivered.size;
const rate = Math.round(((times.length - 1) / spanS) * 100) / 100;
await fake.close();
process.stdout.write(
  `${JSON.stringify({
    benchmark: 'broadcast',
    recipients: RECIPIENTS,
    workerProcesses: PROCESSES,
    queueWorkersPerProcess: 2,
    fanOutMs: Math.round(fanOutMs),
    delivered: times.length,
    seconds: Math.round(spanS * 10) / 10,
    achievedRatePerSecond: rate,
    rejected429: fake.rejected429,
    duplicates,
    losses,
    deliveryStatuses: statuses,
    goal: GOAL,
    pass: rate >= GOAL.ratePerSecond && duplicates === 0 && losses === 0,
  })}\n`,
);
// Whatever connection is still closing must not turn the shutdown of Postgres into a crash.
process.on('uncaughtException', () => {});
await db.stop().catch(() => {});
process.exit(0);
