/**
 * A tick worker process for bench/runner.ts: the real runner (runTickBatch) consuming the real
 * pg-boss queue, reporting each batch's size, time and statement count to the parent.
 */
import { connectDatabase } from '../src/db/client.ts';
import { createLogger } from '../src/logger.ts';
import { loadConfig } from '../src/config.ts';
import { createKeyring } from '../src/services/core/keyring.ts';
import { startQueue } from '../src/services/core/queue.ts';
import { replayProvider } from '../src/services/market/market-data-provider.ts';
import { runTickBatch, type TickJob } from '../src/services/runner/run-tick-batch.ts';
import { TICK_QUEUE } from '../src/services/runner/schedule-due-ticks.ts';
import { ManualClock } from '../src/shared/clock.ts';
import { randomBytes } from 'node:crypto';

const url = process.env.BENCH_DB_URL!;
const batchSize = Number(process.env.BENCH_BATCH ?? 200);
const logger = createLogger({ level: 'silent' });
const database = connectDatabase(url, { poolSize: 4 });
const clock = new ManualClock(Number(process.env.BENCH_CLOCK));
const queue = await startQueue(url, logger, { supervise: false, poolSize: 2 });
const env = { db: database.db, clock, logger, config: loadConfig({}), keyring: createKeyring(new Map([[1, randomBytes(32)]]), 1), queue, market: replayProvider(clock, 60) };

await queue.work<TickJob>(TICK_QUEUE, { batchSize, pollingIntervalSeconds: 0.5 }, async (jobs) => {
  const started = performance.now();
  const result = await runTickBatch(env, jobs.map((j) => j.data));
  process.send?.({ kind: 'batch', n: jobs.length, ms: performance.now() - started, statements: result.statements, phases: result.phases, failed: result.failed, fills: result.fills });
});
process.on('message', async (m: { kind: string }) => {
  if (m.kind === 'stop') {
    await queue.stop();
    await database.close();
    process.send?.({ kind: 'stopped', maxRssMB: process.resourceUsage().maxRSS / 1024 });
    process.exit(0);
  }
});
process.send?.({ kind: 'ready' });
