/**
 * Schedules and queue workers of the signals and communities area. main.ts starts the
 * schedules under the scheduler leader lock (ROLE all|scheduler) and the workers on every
 * worker (ROLE all|worker). Schedules are short service calls; per-recipient work (broadcasts)
 * and prompt kicks (channel posts, VIP membership) go through the job queue.
 */
import type { ServiceEnv } from '../services/core/context.ts';
import { systemContext } from '../services/core/context.ts';
import { createMarketDataProvider } from '../services/market/market-data-provider.ts';
import { deliverBroadcastMessage } from '../services/broadcasts/deliver-broadcast-message.ts';
import { BROADCAST_QUEUE } from '../services/broadcasts/manage-broadcasts.ts';
import { reconcileBroadcasts } from '../services/broadcasts/reconcile-broadcasts.ts';
import { followForexSignals } from '../services/channels/follow-forex-signals.ts';
import { postSignalRecaps } from '../services/channels/post-signal-recaps.ts';
import { runForexStrategies } from '../services/channels/run-forex-strategies.ts';
import { sendChannelMessages } from '../services/channels/send-channel-messages.ts';
import { planCrosspromoJobs } from '../services/crosspromo/plan-crosspromo-jobs.ts';
import { runCrosspromoJobs } from '../services/crosspromo/run-crosspromo-jobs.ts';
import { sendDueJourneyMessages } from '../services/journeys/send-due-journey-messages.ts';
import { evaluateSignalOutcomes } from '../services/signals/evaluate-signal-outcomes.ts';
import { recomputeReliability } from '../services/signals/recompute-reliability.ts';
import { pruneTelegramUpdates } from '../services/tenants/prune-telegram-updates.ts';
import { syncVipMembers } from '../services/vip/sync-vip-members.ts';
import type { Schedule } from './scheduler.ts';

export interface CommunityJobs {
  schedules: Schedule[];
  /** Start this process's queue workers (no-op without a queue). */
  startWorkers(options?: { broadcastWorkers?: number }): Promise<void>;
}

export function registerCommunityJobs(baseEnv: ServiceEnv): CommunityJobs {
  // Candles for the price follower, strategies and outcomes; the lead's provider when wired in main.
  let marketEnv: Promise<ServiceEnv> | null = null;
  const withMarket = () =>
    (marketEnv ??= baseEnv.market
      ? Promise.resolve(baseEnv)
      : createMarketDataProvider({ config: baseEnv.config, clock: baseEnv.clock, logger: baseEnv.logger, transport: baseEnv.exchangeTransport }).then((market) => ({ ...baseEnv, market })));
  const ctx = (job: string) => systemContext(baseEnv, job);
  const marketCtx = async (job: string) => systemContext(await withMarket(), job);

  const schedules: Schedule[] = [
    { name: 'community.channel-send', cron: '*/2 * * * * *', run: async () => void (await sendChannelMessages({ ctx: ctx('community.channel-send'), input: {} })) },
    { name: 'community.follow-signals', cron: '*/30 * * * * *', run: async () => void (await followForexSignals({ ctx: await marketCtx('community.follow-signals'), input: {} })) },
    { name: 'community.forex-strategy', cron: '15 * * * * *', run: async () => void (await runForexStrategies({ ctx: await marketCtx('community.forex-strategy'), input: {} })) },
    { name: 'community.recaps', cron: '0 5 * * * *', run: async () => void (await postSignalRecaps({ ctx: ctx('community.recaps'), input: {} })) },
    {
      name: 'signals.reliability',
      cron: '0 */15 * * * *',
      run: async () => {
        await evaluateSignalOutcomes({ ctx: await marketCtx('signals.reliability'), input: {} });
        await recomputeReliability({ ctx: ctx('signals.reliability'), input: {} });
      },
    },
    { name: 'community.journeys', cron: '*/10 * * * * *', run: async () => void (await sendDueJourneyMessages({ ctx: ctx('community.journeys'), input: {} })) },
    { name: 'community.crosspromo-plan', cron: '0 * * * * *', run: async () => void (await planCrosspromoJobs({ ctx: ctx('community.crosspromo-plan'), input: {} })) },
    { name: 'community.crosspromo-run', cron: '*/15 * * * * *', run: async () => void (await runCrosspromoJobs({ ctx: ctx('community.crosspromo-run'), input: {} })) },
    { name: 'vip.sync-members', cron: '30 * * * * *', run: async () => void (await syncVipMembers({ ctx: ctx('vip.sync-members'), input: {} })) },
    { name: 'community.broadcast-reconcile', cron: '*/30 * * * * *', run: async () => void (await reconcileBroadcasts({ ctx: ctx('community.broadcast-reconcile'), input: {} })) },
    { name: 'community.prune-telegram-updates', cron: '0 17 3 * * *', run: async () => void (await pruneTelegramUpdates({ ctx: ctx('community.prune-telegram-updates'), input: {} })) },
  ];

  return {
    schedules,
    async startWorkers(options = {}) {
      const queue = baseEnv.queue;
      if (!queue) return;
      for (let i = 0; i < (options.broadcastWorkers ?? 2); i += 1) {
        // One message at a time per worker: a worker holds at most one reserved send slot, so a
        // 429's pause reaches every sender within a slot or two.
        await queue.work<{ deliveryId: string }>(BROADCAST_QUEUE, { batchSize: 10, pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const job of jobs) await deliverBroadcastMessage(baseEnv, job.data.deliveryId);
        });
      }
      await queue.work('community.channel-send', { batchSize: 1, pollingIntervalSeconds: 1 }, async () => void (await sendChannelMessages({ ctx: ctx('community.channel-send'), input: {} })));
      await queue.work('vip.sync-members', { batchSize: 1, pollingIntervalSeconds: 2 }, async () => void (await syncVipMembers({ ctx: ctx('vip.sync-members'), input: {} })));
      // A worker that starts after a crash hands abandoned broadcast jobs back at once.
      await reconcileBroadcasts({ ctx: ctx('community.broadcast-reconcile'), input: {} }).catch((err) => baseEnv.logger.warn({ err }, 'broadcast reconciliation at start failed'));
    },
  };
}
