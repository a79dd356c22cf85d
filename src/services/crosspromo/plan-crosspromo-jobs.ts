/**
 * Job `community.crosspromo-plan` (every minute): today's morning news (at the configured local
 * time) and VIP teaser (eight hours later) for each enabled tenant, as crosspromo_jobs rows.
 * The date in the dedupe key makes every run after the first a no-op; a time that passed more
 * than 30 minutes ago is not planned (enabling at 15:00 does not post the 08:00 news late).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { crosspromoJobs, tenantCrosspromoSettings } from '../../db/schema/index.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { localTime, zonedTime } from '../tenants/tenant-time.ts';

const LATE_MS = 30 * 60_000;
export const TEASER_AFTER_MS = 8 * 3_600_000;

export const planCrosspromoJobs = defineVerb({
  name: 'crosspromo.plan',
  input: z.object({}),
  allow: isSystemOrStaff,
  run: async ({ ctx, tx }) => {
    const now = ctx.env.clock.now();
    const tenants = await tx.select().from(tenantCrosspromoSettings).where(eq(tenantCrosspromoSettings.enabled, true));
    let planned = 0;
    for (const s of tenants) {
      if (!s.freeChannelId || !s.morningPostTimeUtc) continue;
      const zone = s.timezone || 'UTC';
      const today = localTime(now, zone).date;
      const morning = zonedTime(today, s.morningPostTimeUtc, zone);
      const plans = [
        { jobType: 'morning_news' as const, runAt: morning },
        { jobType: 'vip_teaser' as const, runAt: new Date(morning.getTime() + TEASER_AFTER_MS) },
      ];
      for (const p of plans) {
        if (p.runAt.getTime() < now.getTime() - LATE_MS) continue;
        const rows = await tx
          .insert(crosspromoJobs)
          .values({ tenantId: s.tenantId, jobType: p.jobType, payload: { date: today }, runAt: p.runAt, createdAt: now, dedupeKey: `${p.jobType}:${today}` })
          .onConflictDoNothing()
          .returning({ id: crosspromoJobs.id });
        planned += rows.length;
      }
    }
    return { planned };
  },
});
