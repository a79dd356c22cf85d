/**
 * Job `community.crosspromo-run` (every 15 s): due crosspromo_jobs are claimed with SKIP LOCKED
 * (pending → claimed, committed), posted to the tenant's free channel, then completed or
 * failed. A job left claimed by a dead worker fails after 10 minutes instead of posting twice.
 */
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { crosspromoJobs, forexSignals, tenantCrosspromoSettings } from '../../db/schema/index.ts';
import { isSystemOrStaff, type ServiceEnv } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { readBotSettings } from '../tenants/tenant-settings.ts';
import { classifyTelegramError } from '../telegram/telegram-errors.ts';
import { botApi, findTenantBot } from '../telegram/tenant-bot-api.ts';

const STALE_CLAIM_MS = 10 * 60_000;
type Job = { id: string; tenant_id: string; job_type: string; payload: Record<string, any> };

export const runCrosspromoJobs = defineVerb({
  name: 'crosspromo.run',
  input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
  allow: isSystemOrStaff,
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    const now = env.clock.now();
    await env.db
      .update(crosspromoJobs)
      .set({ status: 'failed', error: 'interrupted after it was claimed; not repeated', completedAt: now })
      .where(and(eq(crosspromoJobs.status, 'claimed'), lt(crosspromoJobs.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))));
    const claimed = await env.db.execute<Job>(sql`
      update crosspromo_jobs set status = 'claimed', claimed_at = ${now}
       where id in (select id from crosspromo_jobs where status = 'pending' and run_at <= ${now}
                     order by run_at limit ${input.limit} for update skip locked)
      returning id, tenant_id, job_type, payload`);
    let completed = 0;
    for (const job of claimed.rows) {
      const error = await postJob(env, job, now).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
      await env.db
        .update(crosspromoJobs)
        .set(error ? { status: 'failed', error: error.slice(0, 500), completedAt: env.clock.now() } : { status: 'completed', completedAt: env.clock.now() })
        .where(eq(crosspromoJobs.id, job.id));
      if (!error) completed += 1;
    }
    return { claimed: claimed.rows.length, completed };
  },
});

/** Post one job; returns an error message, or null when posted. */
async function postJob(env: ServiceEnv, job: Job, now: Date): Promise<string | null> {
  const [s] = await env.db.select().from(tenantCrosspromoSettings).where(eq(tenantCrosspromoSettings.tenantId, job.tenant_id));
  if (!s?.enabled || !s.freeChannelId) return 'cross-promo is off or has no free channel';
  const bot = await findTenantBot(env.db, env, job.tenant_id, s.botRole ?? 'signal_bot');
  if (!bot) return `no ${s.botRole ?? 'signal_bot'} connected`;
  const settings = await readBotSettings(env.db, job.tenant_id);
  const cta = s.ctaUrl ? `\n\n👉 ${s.ctaUrl}` : '';
  let text: string;
  if (job.job_type === 'morning_news') text = settings.morning_news_text;
  else if (job.job_type === 'vip_teaser') text = `${settings.vip_teaser_text}\n${await lastDayResults(env.db, job.tenant_id, now)}`;
  else text = `🏆 Winning signal from our VIP channel:\n\n${String(job.payload.text ?? '')}`;
  try {
    await botApi(env, bot.token).sendMessage(s.freeChannelId, `${text}${cta}`, { link_preview_options: { is_disabled: true } });
    return null;
  } catch (error) {
    const failure = classifyTelegramError(error);
    return 'message' in failure ? failure.message : failure.kind;
  }
}

async function lastDayResults(db: Db, tenantId: string, now: Date): Promise<string> {
  const since = new Date(now.getTime() - 86_400_000);
  const rows = await db
    .select({ pips: forexSignals.resultPips })
    .from(forexSignals)
    .where(and(eq(forexSignals.tenantId, tenantId), gte(forexSignals.closedAt, since), isNotNull(forexSignals.resultPips)));
  if (rows.length === 0) return 'New signals are on their way.';
  const wins = rows.filter((r) => r.pips!.gt(0)).length;
  const pips = rows.reduce((a, r) => a + Number(r.pips), 0);
  return `Last 24 h: ${rows.length} signals, ${wins} winners, ${pips >= 0 ? '+' : ''}${pips.toFixed(1)} pips.`;
}
