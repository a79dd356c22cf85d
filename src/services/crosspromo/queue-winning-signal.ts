/**
 * A channel signal hit a take profit: when the tenant runs cross-promo, a repost to the free
 * channel is planned (crosspromo_jobs 'winning_signal'), once per signal (the first target).
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { crosspromoJobs, tenantCrosspromoSettings } from '../../db/schema/index.ts';

export async function queueWinningSignalRepost(tx: DbOrTx, input: { tenantId: string; forexSignalId: string; text: string; now: Date }): Promise<void> {
  const [settings] = await tx.select().from(tenantCrosspromoSettings).where(eq(tenantCrosspromoSettings.tenantId, input.tenantId));
  if (!settings?.enabled || !settings.freeChannelId) return;
  await tx
    .insert(crosspromoJobs)
    .values({
      tenantId: input.tenantId,
      jobType: 'winning_signal',
      payload: { forexSignalId: input.forexSignalId, text: input.text },
      runAt: input.now,
      createdAt: input.now,
      dedupeKey: `winning_signal:${input.forexSignalId}`,
    })
    .onConflictDoNothing();
}
