/**
 * What happened to each accepted entry signal (job `signals.reliability`, step 1): replay it
 * over the closed candles since it arrived and record the first of TP1 ('tp1') or the stop
 * ('stop'), conservatively (a bar touching both counts as the stop; docs/signal-lifecycle.md).
 * Seven days without either is 'expired'. A signal without a stop or a target cannot be judged
 * and is not looked at; one whose levels make no sense against the entry is 'expired'.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { runSignalLifecycle } from '../../engines/signals/index.ts';
import { signals } from '../../db/schema/index.ts';
import { Decimal } from '../../shared/money.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { candleSourceFor } from '../channels/candle-source.ts';
import type { NormalizedSignal } from './read-signal-body.ts';

export const OUTCOME_HORIZON_MS = 7 * 86_400_000;
const TIMEFRAME = '5m';

export const evaluateSignalOutcomes = defineVerb({
  name: 'signal.evaluate_outcomes',
  input: z.object({ limit: z.number().int().min(1).max(5000).default(500), venue: z.string().optional() }),
  allow: isSystemOrStaff,
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    const source = candleSourceFor(env);
    if (!source) return { evaluated: 0, decided: 0 };
    const now = env.clock.now();
    const pending = await env.db
      .select({ id: signals.id, createdAt: signals.createdAt, price: signals.price, normalized: signals.normalized })
      .from(signals)
      .where(
        and(
          eq(signals.status, 'accepted'),
          eq(signals.kind, 'entry'),
          sql`${signals.outcome} is null`,
          sql`${signals.normalized}->>'stopLoss' is not null and jsonb_array_length(${signals.normalized}->'targets') > 0`,
          sql`${signals.createdAt} > ${new Date(now.getTime() - 4 * OUTCOME_HORIZON_MS)}`,
        ),
      )
      .orderBy(signals.createdAt)
      .limit(input.limit);
    let decided = 0;
    for (const row of pending) {
      const s = row.normalized as NormalizedSignal;
      const venue = input.venue ?? (s.exchange && /^(binance|okx|bybit)$/i.test(s.exchange) ? s.exchange.toLowerCase() : env.config.DEFAULT_EXCHANGE);
      const openedAt = row.createdAt.getTime();
      const until = Math.min(now.getTime(), openedAt + OUTCOME_HORIZON_MS);
      let outcome: 'tp1' | 'stop' | 'expired' | null = null;
      let at: Date | null = null;
      try {
        const candles = await source.fetchClosedCandles(venue, s.symbol, TIMEFRAME, openedAt, until);
        const entry = s.entries.length ? s.entries.reduce((a, e) => a.plus(e), new Decimal(0)).div(s.entries.length) : row.price ?? (candles[0] ? new Decimal(candles[0].open) : null);
        if (!entry) continue;
        const result = runSignalLifecycle(
          { direction: s.direction, entry, stopLoss: new Decimal(s.stopLoss!), takeProfits: [new Decimal(s.targets[0])], pipSize: new Decimal('0.0001'), openedAt },
          candles,
          { breakevenAfterTp: null },
        );
        if (result.targetsHit > 0) [outcome, at] = ['tp1', new Date(result.closedAt ?? until)];
        else if (result.closeReason === 'stop') [outcome, at] = ['stop', new Date(result.closedAt!)];
        else if (now.getTime() >= openedAt + OUTCOME_HORIZON_MS) [outcome, at] = ['expired', new Date(until)];
      } catch (error) {
        if (!(error instanceof RangeError)) {
          env.logger.warn({ err: error, signalId: row.id, symbol: s.symbol, venue }, 'signal outcome could not be checked');
          continue;
        }
        [outcome, at] = ['expired', now]; // levels on the wrong side of the entry: not judgeable
      }
      if (outcome) {
        await env.db.update(signals).set({ outcome, outcomeAt: at }).where(eq(signals.id, row.id));
        decided += 1;
      }
    }
    return { evaluated: pending.length, decided };
  },
});
