/** A user's exchange connections, without secrets. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { exchangeConnections } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { unauthorized } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';

export const listExchangeConnections = defineVerb({
  name: 'exchange_connection.list',
  input: z.object({}).default({}),
  transactional: false,
  run: async ({ ctx, tx }) => {
    const userId = actorUserId(ctx.actor);
    if (!userId) throw unauthorized();
    const rows = await tx.select().from(exchangeConnections).where(eq(exchangeConnections.userId, userId));
    return rows.map((r) => ({ id: r.id, exchange: r.exchange, testnet: r.isTestnet, active: r.isActive, label: r.label, permissions: r.permissions, lastUsed: r.lastUsed }));
  },
});
