/**
 * The trading runtime's jobs: the tick worker (consumes the bot-tick queue in batches), and
 * the schedules — queue due ticks, snapshot performance, record portfolio values.
 */
import { settleProcessedSignals } from '../services/runner/pending-signals.ts';
import type { ServiceEnv } from '../services/core/context.ts';
import { runTickBatch, type TickJob } from '../services/runner/run-tick-batch.ts';
import { ensureTickQueue, scheduleDueTicks, TICK_QUEUE } from '../services/runner/schedule-due-ticks.ts';
import { snapshotPerformance } from '../services/runner/snapshot-performance.ts';
import { recordPortfolioHistory } from '../services/runner/record-portfolio-history.ts';
import { reconcileLiveOrders } from '../services/runner/live-orders.ts';
import type { Schedule } from './scheduler.ts';

export async function startTickWorker(env: ServiceEnv, options: { batchSize?: number } = {}): Promise<void> {
  if (!env.queue) throw new Error('the tick worker needs the job queue');
  await ensureTickQueue(env);
  await env.queue.work<TickJob>(TICK_QUEUE, { batchSize: options.batchSize ?? 200, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    const result = await runTickBatch(env, jobs.map((j) => j.data));
    if (result.fills || result.failed) env.logger.info({ ...result, jobs: jobs.length }, `ticked ${result.ticked} bots: ${result.fills} fills, ${result.failed} failed`);
    else env.logger.debug({ ...result, jobs: jobs.length }, 'tick batch done');
  });
}

export function runtimeSchedules(env: ServiceEnv): Schedule[] {
  const intervalMs = env.config.TICK_INTERVAL_SECONDS * 1000;
  let lastScheduled = 0;
  return [
    {
      name: 'schedule-bot-ticks',
      cron: '* * * * * *', // every second; queues a round once the interval has passed
      run: async () => {
        const now = env.clock.now().getTime();
        if (now - lastScheduled < intervalMs) return;
        lastScheduled = now;
        const { enqueued } = await scheduleDueTicks(env, { intervalMs });
        if (enqueued) env.logger.debug({ enqueued }, 'ticks queued');
      },
    },
    { name: 'reconcile-live-orders', cron: '*/15 * * * * *', run: async () => void (await reconcileLiveOrders(env)) },
    { name: 'performance-snapshots', cron: '0 */5 * * * *', run: async () => void (await snapshotPerformance(env)) },
    { name: 'portfolio-history', cron: '0 */15 * * * *', run: async () => void (await recordPortfolioHistory(env)) },
    { name: 'settle-processed-signals', cron: '20 * * * * *', run: async () => void (await settleProcessedSignals(env.db, env.clock.now())) },
  ];
}
