/** Remove an exchange connection; live bots on it are paused first. */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bots, exchangeConnections } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { actorUserId } from '../core/context.ts';
import { notFound, unauthorized } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { SUPPORTED_VENUES } from '../../exchanges/ccxt/create-exchange.ts';

export const disconnectExchange = defineVerb({
  name: 'exchange_connection.disconnect',
  input: z.object({ exchange: z.enum(SUPPORTED_VENUES, { message: `exchange must be one of ${SUPPORTED_VENUES.join(', ')}` }) }),
  run: async ({ ctx, input, tx }) => {
    const userId = actorUserId(ctx.actor);
    if (!userId) throw unauthorized();
    const [conn] = await tx
      .select()
      .from(exchangeConnections)
      .where(and(eq(exchangeConnections.userId, userId), eq(exchangeConnections.exchange, input.exchange)));
    if (!conn) throw notFound(`A ${input.exchange} connection`);
    const paused = await tx
      .update(bots)
      .set({ status: 'paused', errorMessage: `Paused: the ${input.exchange} connection was removed.`, updatedAt: ctx.env.clock.now() })
      .where(and(eq(bots.exchangeConnectionId, conn.id), eq(bots.status, 'active')))
      .returning({ id: bots.id });
    await tx.delete(exchangeConnections).where(eq(exchangeConnections.id, conn.id));
    await writeAudit(tx, ctx, 'exchange_connection.disconnect', { connectionId: conn.id, exchange: input.exchange, pausedBots: paused.map((b) => b.id) });
    return { exchange: input.exchange, pausedBots: paused.length };
  },
});
