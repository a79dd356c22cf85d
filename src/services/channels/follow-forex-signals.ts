/**
 * The price follower (job `community.follow-signals`): for each open channel signal, replay
 * its lifecycle over the closed candles since it opened. Each new event (TP1, TP2, TP3, stop,
 * close) becomes a short reply in the channel, and the original post is edited to the new
 * state (coalesced: see channel-outbox.ts). Recomputing from the open keeps the job stateless
 * and safe to run twice; announced_events remembers what the channel was already told.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { describeLifecycle, formatChannelEvent, runSignalLifecycle, type LifecycleSignal } from '../../engines/signals/index.ts';
import type { Db } from '../../db/client.ts';
import { channelMessages, forexSignals } from '../../db/schema/index.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { queueWinningSignalRepost } from '../crosspromo/queue-winning-signal.ts';
import { readForexSettings, type ForexSettings } from '../tenants/tenant-settings.ts';
import { candleSourceFor } from './candle-source.ts';
import { queueChannelMessage, queueSignalEdit } from './channel-outbox.ts';
import { renderForexSignal, targetsOf } from './forex-signal-text.ts';

type ForexRow = typeof forexSignals.$inferSelect;

export const followForexSignals = defineVerb({
  name: 'forex_signal.follow',
  input: z.object({ tenantId: z.string().optional(), limit: z.number().int().min(1).max(5000).default(500) }),
  allow: isSystemOrStaff,
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    const source = candleSourceFor(env);
    if (!source) return { checked: 0, announced: 0 };
    const open = await env.db
      .select()
      .from(forexSignals)
      .where(and(isNull(forexSignals.closedAt), input.tenantId ? eq(forexSignals.tenantId, input.tenantId) : undefined))
      .orderBy(sql`${forexSignals.lastCheckedAt} asc nulls first`, asc(forexSignals.createdAt))
      .limit(input.limit);
    const settingsByTenant = new Map<string, ForexSettings>();
    let announced = 0;
    for (const row of open) {
      let settings = settingsByTenant.get(row.tenantId);
      if (!settings) settingsByTenant.set(row.tenantId, (settings = await readForexSettings(env.db, row.tenantId)));
      const now = env.clock.now();
      const venue = row.venue || settings.market_venue || env.config.DEFAULT_EXCHANGE;
      try {
        const candles = await source.fetchClosedCandles(venue, row.symbol, settings.follow_timeframe, row.createdAt.getTime(), now.getTime());
        const signal: LifecycleSignal = { direction: row.direction as 'BUY' | 'SELL', entry: row.entryPrice, stopLoss: row.stopLoss, takeProfits: targetsOf(row), pipSize: row.pipSize, openedAt: row.createdAt.getTime() };
        const result = runSignalLifecycle(signal, candles, {
          breakevenAfterTp: settings.breakeven_after_tp === 0 ? null : settings.breakeven_after_tp,
          expiresAt: row.createdAt.getTime() + settings.signal_expiry_hours * 3_600_000,
        });
        const events = describeLifecycle(row.symbol, signal, result).map(formatChannelEvent);
        announced += await recordProgress(env.db, row, {
          status: result.status === 'PENDING' ? 'ACTIVE' : result.status,
          closedAt: result.closed && result.closedAt !== null ? new Date(result.closedAt) : null,
          pips: result.closed ? result.pips : null,
          pct: result.closed ? result.pct : null,
          events,
          firstTargetHit: result.targetsHit > 0,
          now,
        });
      } catch (error) {
        env.logger.warn({ err: error, forexSignalId: row.id, symbol: row.symbol, venue }, 'price follower could not check a signal');
        await env.db.update(forexSignals).set({ lastCheckedAt: now }).where(eq(forexSignals.id, row.id));
      }
    }
    return { checked: open.length, announced };
  },
});

interface Progress {
  status: string;
  closedAt: Date | null;
  pips: ForexRow['resultPips'];
  pct: ForexRow['resultPct'];
  events: string[];
  firstTargetHit: boolean;
  now: Date;
}

async function recordProgress(db: Db, row: ForexRow, p: Progress): Promise<number> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(forexSignals).where(eq(forexSignals.id, row.id)).for('update');
    const fresh = p.events.slice(current.announcedEvents);
    const changed = fresh.length > 0 || current.status !== p.status || (p.closedAt !== null && current.closedAt === null);
    const [updated] = await tx
      .update(forexSignals)
      .set({
        lastCheckedAt: p.now,
        ...(changed ? { status: p.status, closedAt: p.closedAt, resultPips: p.pips, resultPct: p.pct, announcedEvents: Math.max(current.announcedEvents, p.events.length) } : {}),
      })
      .where(eq(forexSignals.id, row.id))
      .returning();
    if (!changed) return 0;
    const [post] = await tx
      .select({ chatId: channelMessages.chatId })
      .from(channelMessages)
      .where(and(eq(channelMessages.forexSignalId, row.id), eq(channelMessages.kind, 'post')));
    if (post) {
      const target = { tenantId: row.tenantId, chatId: post.chatId, forexSignalId: row.id };
      for (const [i, text] of fresh.entries()) {
        await queueChannelMessage(tx, target, { kind: 'reply', text, dedupeKey: `reply:${row.id}:${current.announcedEvents + i}`, now: p.now });
      }
      await queueSignalEdit(tx, target, renderForexSignal(updated, updated.closedAt !== null), p.now);
    }
    if (p.firstTargetHit && current.status === 'ACTIVE') {
      await queueWinningSignalRepost(tx, { tenantId: row.tenantId, forexSignalId: row.id, text: [renderForexSignal(updated, updated.closedAt !== null), '', ...fresh].join('\n'), now: p.now });
    }
    return fresh.length;
  });
}
