/**
 * `npm run bench:runner`: N paper bots (a mix of types) on the replay feed; full tick cycles
 * run by 1, then 2, worker processes consuming the real Postgres job queue. Prints one JSON
 * object: bots per second, p50/p99 tick latency, database round trips per tick, peak memory.
 *
 * BENCH_BOTS (default 10000), BENCH_CYCLES (default 2), BENCH_BATCH (default 200, the tick worker's batch).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createId } from '../src/shared/ids.ts';
import { connectDatabase } from '../src/db/client.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/db/seed/index.ts';
import { SYSTEM_TEMPLATES } from '../src/db/seed/templates.ts';
import * as s from '../src/db/schema/index.ts';
import { createLogger } from '../src/logger.ts';
import { startQueue } from '../src/services/core/queue.ts';
import { ensureTickQueue, TICK_QUEUE } from '../src/services/runner/schedule-due-ticks.ts';
import { uuidFromName } from '../src/services/runner/tick-ids.ts';
import { Decimal } from '../src/shared/money.ts';

const BOTS = Number(process.env.BENCH_BOTS ?? 10_000);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 2);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const CLOCK = Date.parse('2026-03-02T12:00:00Z');
const logger = createLogger({ level: 'silent' });

// the mix: every type, on pairs the replay feed has
const MIX = [
  { type: 'dca', pair: 'BTC/USDT', tf: '5m', weight: 3 },
  { type: 'grid', pair: 'BTC/USDT', tf: '5m', weight: 2 },
  { type: 'ai', pair: 'BTC/USDT', tf: '5m', weight: 2 },
  { type: 'scalping', pair: 'LTC/USDT', tf: '1m', weight: 1 },
  { type: 'signal', pair: 'BTC/USDT', tf: '5m', weight: 1 },
  { type: 'pump_screener', pair: 'LTC/USDT', tf: '1m', weight: 1 },
  { type: 'combo', pair: 'BTC/USDT', tf: '5m', weight: 1 },
  { type: 'arbitrage', pair: 'BTC/USDT', tf: '1m', weight: 1 },
];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tw-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), logger, settings: { max_connections: '100', shared_buffers: '256MB' } });
  await ensureDatabase(server.url('postgres'), 'bench');
  const url = server.url('bench');
  await migrateDatabase(url);
  const database = connectDatabase(url, { poolSize: 4 });
  await seedReferenceData(database.db);
  const [user] = await database.db.insert(s.users).values({ email: 'bench@tradewire.local', subscriptionPlan: 'enterprise' }).returning();
  const [provider] = await database.db.insert(s.signalProviders).values({ name: 'bench', type: 'webhook' }).returning();

  // N bots, inserted in bulk (creating them is not what is measured)
  const total = MIX.reduce((n, m) => n + m.weight, 0);
  const rows = [];
  for (let i = 0; i < BOTS; i++) {
    let k = i % total;
    const mix = MIX.find((m) => (k -= m.weight) < 0)!;
    const template = SYSTEM_TEMPLATES.find((t) => t.type === mix.type)!;
    rows.push({
      id: createId(), userId: user.id, name: `bench-${i}`, type: mix.type, status: 'active', config: structuredClone(template.config) as Record<string, unknown>,
      exchange: 'binance', tradingPair: mix.pair, timeframe: mix.tf, initialBalance: new Decimal(1000), currentBalance: new Decimal(1000),
      metadata: mix.type === 'signal' ? { signalProviderIds: [provider.id] } : {},
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await database.db.insert(s.bots).values(rows.slice(i, i + 1000));
  const ids = rows.map((r) => r.id);

  const queue = await startQueue(url, logger, { supervise: false, poolSize: 2 });
  await ensureTickQueue({ queue } as never);
  let slot = 1;

  const runCycles = async (workers: number) => {
    const children: ChildProcess[] = [];
    const batches: { n: number; ms: number; statements: number; phases?: Record<string, number> }[] = [];
    let maxRss = 0;
    for (let w = 0; w < workers; w++) {
      const child = fork(path.join(import.meta.dirname, 'runner-worker.ts'), [], { env: { ...process.env, BENCH_DB_URL: url, BENCH_BATCH: String(BATCH), BENCH_CLOCK: String(CLOCK) }, execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])] });
      children.push(child);
      child.on('message', (m: { kind: string; n: number; ms: number; statements: number; phases?: Record<string, number>; maxRssMB: number }) => {
        if (m.kind === 'batch') batches.push(m);
        if (m.kind === 'stopped') maxRss = Math.max(maxRss, m.maxRssMB);
      });
      await new Promise<void>((resolve) => child.on('message', (m: { kind: string }) => m.kind === 'ready' && resolve()));
    }
    const cycleMs: number[] = [];
    for (let c = 0; c < CYCLES; c++) {
      const thisSlot = slot++;
      batches.length = 0;
      const started = performance.now();
      await queue.insert(TICK_QUEUE, ids.map((botId) => ({ id: uuidFromName(`tick:${botId}:${thisSlot}`), singletonKey: botId, data: { botId, slot: thisSlot } })));
      for (;;) {
        const done = batches.reduce((n, b) => n + b.n, 0);
        if (done >= BOTS) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      cycleMs.push(performance.now() - started);
    }
    const lat = batches.map((b) => b.ms).sort((a, b) => a - b);
    const statements = batches.reduce((n, b) => n + b.statements, 0);
    for (const child of children) child.send({ kind: 'stop' });
    await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
    const best = Math.min(...cycleMs);
    return {
      workers,
      cycleSeconds: cycleMs.map((ms) => Math.round(ms) / 1000),
      botsPerSecond: Math.round(BOTS / (best / 1000)),
      // a tick's latency is the time of the batch transaction it completes in
      tickLatencyMs: { p50: Math.round(percentile(lat, 50)), p99: Math.round(percentile(lat, 99)), batchSize: BATCH },
      // runner statements per tick, plus the queue's fetch and complete per batch
      dbRoundTripsPerTick: Number(((statements + 2 * batches.length) / batches.reduce((n, b) => n + b.n, 0)).toFixed(3)),
      workerPeakRssMB: Math.round(maxRss),
      // where a batch's time goes (ms per 100 ticks, summed over the last cycle's batches)
      phaseMsPer100Ticks: Object.fromEntries(
        Object.entries(
          batches.reduce<Record<string, number>>((acc, b) => {
            for (const [k, v] of Object.entries(b.phases ?? {})) acc[k] = (acc[k] ?? 0) + v;
            return acc;
          }, {}),
        ).map(([k, v]) => [k, Math.round((v / batches.reduce((n, b) => n + b.n, 0)) * 100)]),
      ),
    };
  };

  // the first cycle initialises every engine (base orders, grids): measured apart
  const firstStarted = performance.now();
  const warm = await runCycles(1).then((r) => r);
  const warmupSeconds = (performance.now() - firstStarted) / 1000;
  const one = await runCycles(1);
  const two = await runCycles(2);
  const [{ n: executions }] = (await database.db.execute(sql`select count(*)::int as n from executions where status = 'success'`)).rows as { n: number }[];
  const [{ n: trades }] = (await database.db.execute(sql`select count(*)::int as n from trades`)).rows as { n: number }[];
  if (process.env.BENCH_STATS) {
    // diagnostics for tuning: row sizes and how many updates were HOT
    const q = async (text: string) => (await database.pool.query(text)).rows;
    console.error(JSON.stringify(await q(`select type, count(*)::int, avg(pg_column_size(engine_state))::int as state_bytes, avg(pg_column_size(b.*))::int as row_bytes from bots b group by type`)));
    console.error(JSON.stringify(await q(`select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, pg_size_pretty(pg_total_relation_size(relid)) as size from pg_stat_user_tables where relname in ('bots','positions','orders','executions','trades') order by relname`)));
    console.error(JSON.stringify(await q(`select avg(pg_column_size(e.*))::int as execution_row_bytes from executions e`)));
  }
  await queue.stop();
  await database.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({
    benchmark: 'runner', bots: BOTS, cycles: CYCLES, batch: BATCH, mix: MIX.map((m) => `${m.type}×${m.weight}`),
    firstCycles: { workers: 1, seconds: Number(warmupSeconds.toFixed(1)), cycleSeconds: warm.cycleSeconds },
    oneWorker: one, twoWorkers: two, speedup: Number((two.botsPerSecond / one.botsPerSecond).toFixed(2)),
    goal: { botsInUnderSeconds: 10, met: Math.min(...two.cycleSeconds) < 10 },
    executions, trades, parentPeakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    machine: { cpus: 2, node: process.version },
  }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
