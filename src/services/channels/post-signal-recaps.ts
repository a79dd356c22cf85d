/**
 * Daily and weekly recaps in each tenant's signal channel (job `community.recaps`, hourly):
 * the last complete day (and, on Mondays' schedule, week) in the tenant's time zone — win
 * rate and pips of the signals that closed in it (recapSignals). The dedupe key makes the
 * hourly runs post each recap once; a period without a finished signal posts nothing.
 */
import { and, eq, gte, isNotNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { recapSignals, type SignalRecap } from '../../engines/signals/index.ts';
import { forexSignals, tenantBotConnections, tenants } from '../../db/schema/index.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { readBotSettings } from '../tenants/tenant-settings.ts';
import { addDays, localTime, zonedTime } from '../tenants/tenant-time.ts';
import { queueChannelMessage } from './channel-outbox.ts';

export const postSignalRecaps = defineVerb({
  name: 'forex_signal.post_recaps',
  input: z.object({ tenantId: z.string().optional() }),
  allow: isSystemOrStaff,
  run: async ({ ctx, input, tx }) => {
    const now = ctx.env.clock.now();
    const channels = await tx
      .select({ tenantId: tenants.id, timezone: tenants.timezone, chatId: tenantBotConnections.channelId })
      .from(tenants)
      .innerJoin(tenantBotConnections, and(eq(tenantBotConnections.tenantId, tenants.id), eq(tenantBotConnections.botRole, 'signal_bot')))
      .where(and(isNotNull(tenantBotConnections.channelId), input.tenantId ? eq(tenants.id, input.tenantId) : undefined));
    let posted = 0;
    for (const c of channels) {
      if (!(await readBotSettings(tx, c.tenantId)).recaps_enabled) continue;
      const local = localTime(now, c.timezone);
      const today = local.date;
      const periods: { period: 'day' | 'week'; from: string; to: string }[] = [{ period: 'day', from: addDays(today, -1), to: today }];
      const monday = addDays(today, -(local.weekday - 1));
      periods.push({ period: 'week', from: addDays(monday, -7), to: monday });
      for (const p of periods) {
        const start = zonedTime(p.from, '00:00', c.timezone);
        const end = zonedTime(p.to, '00:00', c.timezone);
        const finished = await tx
          .select({ closedAt: forexSignals.closedAt, pips: forexSignals.resultPips, pct: forexSignals.resultPct })
          .from(forexSignals)
          .where(and(eq(forexSignals.tenantId, c.tenantId), gte(forexSignals.closedAt, start), lt(forexSignals.closedAt, end), isNotNull(forexSignals.resultPips)));
        if (finished.length === 0) continue;
        const [recap] = recapSignals(
          finished.map((f) => ({ closedAt: f.closedAt!.getTime(), pips: f.pips!, pct: f.pct! })),
          { period: p.period, utcOffsetMinutes: localTime(start, c.timezone).offsetMinutes },
        );
        const fresh = await queueChannelMessage(tx, { tenantId: c.tenantId, chatId: c.chatId! }, { kind: 'recap', text: formatRecap(p.period, p.from, recap), dedupeKey: `recap:${p.period}:${p.from}`, now });
        if (fresh) posted += 1;
      }
    }
    return { posted };
  },
});

const signed = (d: { gte(n: number): boolean; toFixed(n: number): string }) => `${d.gte(0) ? '+' : ''}${d.toFixed(1)}`;

export function formatRecap(period: 'day' | 'week', from: string, r: SignalRecap): string {
  return [
    period === 'day' ? `📊 Daily recap — ${from}` : `📊 Weekly recap — week of ${from}`,
    `Signals: ${r.signals} · Wins: ${r.wins} · Losses: ${r.losses} · Breakeven: ${r.breakeven}`,
    `Win rate: ${r.winRatePct === null ? '—' : `${r.winRatePct.toFixed(1)}%`}`,
    `Pips: ${signed(r.pips)} (best ${signed(r.bestPips)}, worst ${signed(r.worstPips)})`,
  ].join('\n');
}
