/**
 * npm run bench:ingest — POST /webhooks/signals/:providerId from a second process on loopback
 * (the load here, the server in a child process). Every request is a distinct TradingView
 * strategy alert (unique order id and time) authenticated by the secret in its body. Stages:
 * one request at a time; then rising steady rates (open loop, paced-load.ts); then capacity
 * (autocannon, 50 connections, no rate limit). Prints one JSON object: ack latency
 * p50/p99/max (ms), throughput, requests sent, acknowledged (2xx), stored rows and lost
 * (acknowledged but not stored). BENCH_RATES and
 * BENCH_SECONDS change the stages; BENCH_PROFILE=1 writes a CPU profile of the server to .tmp/.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { connectDatabase } from '../src/db/client.ts';
import { createLogger } from '../src/logger.ts';
import { createKeyring } from '../src/services/core/keyring.ts';
import { createSignalProvider } from '../src/services/signals/create-signal-provider.ts';
import { systemClock } from '../src/shared/clock.ts';
import { freePort, openBenchDatabase } from './bench-database.ts';
import { runPaced } from './paced-load.ts';

const RATES = (process.env.BENCH_RATES ?? '250,500,1000,1500').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const GOAL = { ratePerSecond: 1000, p99Ms: 25 };

const db = await openBenchDatabase('bench_ingest');
const key = randomBytes(32);
const logger = createLogger({ level: 'silent' });
const database = connectDatabase(db.url, { poolSize: 2 });
const env = { db: database.db, clock: systemClock, logger, config: loadConfig({}), keyring: createKeyring(new Map([[1, key]]), 1), queue: null };
const { provider, secret } = await createSignalProvider({ ctx: { actor: { kind: 'system', job: 'bench' }, requestId: 'bench', env }, input: { name: 'bench', platform: true } });
await database.close();

const port = await freePort();
const server = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=.tmp'] : []), '--import', 'tsx', path.resolve(import.meta.dirname, 'ingest-server.ts')], {
  env: { ...process.env, BENCH_DATABASE_URL: db.url, BENCH_MASTER_KEY: key.toString('hex'), BENCH_PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

let n = 0;
const body = () => {
  n += 1;
  return JSON.stringify({ secret, ticker: 'BINANCE:BTCUSDT', action: n % 2 ? 'buy' : 'sell', contracts: '0.01', price: (42000 + (n % 500)).toFixed(1), order_id: `bench-${n}`, market_position: n % 2 ? 'long' : 'short', prev_market_position: 'flat', time: new Date(1_700_000_000_000 + n * 1000).toISOString() });
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const count = async () => {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const r = await c.query('select count(*)::int as n from signals where provider_id = $1', [provider.id]);
  await c.end();
  return r.rows[0].n as number;
};

// warm up connections and code paths
await autocannon({ url: `http://127.0.0.1:${port}/webhooks/signals/${provider.id}`, connections: 10, amount: 500, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: body() }) }] });

// One request at a time: the ack latency with no queueing at all.
const single: number[] = [];
for (let i = 0; i < 300; i += 1) {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/webhooks/signals/${provider.id}`, { method: 'POST', body: body(), headers: { 'content-type': 'application/json' } });
  await res.arrayBuffer();
  single.push(performance.now() - t0);
}
single.sort((a, b) => a - b);
const sequential = { requests: single.length, latencyMs: { p50: round1(single[Math.floor(single.length * 0.5)]), p99: round1(single[Math.floor(single.length * 0.99)]), max: round1(single[single.length - 1]) } };

const target = `http://127.0.0.1:${port}/webhooks/signals/${provider.id}`;
const stages = [];
for (const rate of RATES) {
  const before = await count();
  const r = await runPaced({ url: target, ratePerSecond: rate, seconds: SECONDS, body });
  const stored = (await count()) - before;
  stages.push({
    ratePerSecond: rate,
    seconds: r.seconds,
    sent: r.sent,
    acked2xx: r.ok2xx,
    non2xx: r.non2xx,
    errors: r.errors,
    stored,
    lost: Math.max(0, r.ok2xx - stored), // acknowledged but not stored
    throughputPerSecond: Math.round((r.ok2xx / r.seconds) * 10) / 10,
    latencyMs: r.latencyMs,
  });
}

// Capacity: autocannon, 50 connections, as fast as the server answers.
const capacityBefore = await count();
const flat = await autocannon({ url: target, connections: 50, duration: SECONDS, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (r) => ({ ...r, body: body() }) }] });
const capacity = {
  connections: 50,
  throughputPerSecond: Math.round((flat['2xx'] / flat.duration) * 10) / 10,
  latencyMs: { p50: flat.latency.p50, p99: flat.latency.p99, max: flat.latency.max },
  acked2xx: flat['2xx'],
  stored: (await count()) - capacityBefore,
};
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

const atGoal = stages.find((s) => s.ratePerSecond === GOAL.ratePerSecond);
process.stdout.write(
  `${JSON.stringify({
    benchmark: 'ingest',
    endpoint: 'POST /webhooks/signals/:providerId (TradingView JSON, secret in body)',
    database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded (fsync on)',
    sequential,
    stages,
    capacity,
    goal: { ...GOAL, zeroLost: true },
    pass: !!atGoal && atGoal.latencyMs.p99 < GOAL.p99Ms && stages.every((s) => s.lost === 0) && capacity.stored >= capacity.acked2xx,
  })}\n`,
);
process.on('uncaughtException', () => {});
await db.stop().catch(() => {});
process.exit(0);
