/**
 * signal_providers.reliability (0–100), job `signals.reliability` step 2. Over a provider's
 * last 200 judged signals (outcome tp1 or stop; expired ones are left out):
 *
 *   reliability = 100 × (hits + 2) / (hits + stops + 4)
 *
 * the share that reached TP1 before the stop, with a Beta(2, 2) prior so that a handful of
 * signals cannot make a provider look perfect (1 of 1 is 60, 10 of 10 is 85.7). A provider
 * with no judged signal keeps 0, the seed's "no track record yet".
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';

export const RELIABILITY_WINDOW = 200;

export function reliabilityScore(hits: number, stops: number): number {
  return hits + stops === 0 ? 0 : (100 * (hits + 2)) / (hits + stops + 4);
}

export const recomputeReliability = defineVerb({
  name: 'signal_provider.recompute_reliability',
  input: z.object({ providerId: z.string().optional() }),
  allow: isSystemOrStaff,
  run: async ({ ctx, input, tx }) => {
    // The same formula as reliabilityScore, in one statement over every provider.
    const result = await tx.execute(sql`
      with judged as (
        select provider_id, outcome,
               row_number() over (partition by provider_id order by created_at desc) as n
          from signals
         where outcome in ('tp1', 'stop') ${input.providerId ? sql`and provider_id = ${input.providerId}` : sql``}
      ), score as (
        select provider_id,
               count(*) filter (where outcome = 'tp1') as hits,
               count(*) filter (where outcome = 'stop') as stops
          from judged where n <= ${RELIABILITY_WINDOW} group by provider_id
      )
      update signal_providers p
         set reliability = round(100.0 * (s.hits + 2) / (s.hits + s.stops + 4), 6), updated_at = ${ctx.env.clock.now()}
        from score s
       where s.provider_id = p.id
      returning p.id`);
    return { updated: result.rows.length };
  },
});
