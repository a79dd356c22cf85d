/** /forceexit: close one open position of the actor's at market now (reason MANUAL). */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bots, positions } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { notFound, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { loadBot, requireUserId } from '../bots/bot-access.ts';
import { closePositionsNow } from '../runner/close-positions-now.ts';

export const forceExit = defineVerb({
  name: 'position.force_exit',
  input: z.object({ positionId: z.string().trim().min(1, 'give the position id shown by /positions').max(64) }),
  run: async ({ ctx, input, tx }) => {
    const userId = requireUserId(ctx);
    const [row] = await tx
      .select({ p: positions })
      .from(positions)
      .innerJoin(bots, eq(bots.id, positions.botId))
      .where(and(eq(positions.id, input.positionId), eq(bots.userId, userId)));
    if (!row) throw notFound('That position');
    const bot = await loadBot(tx, ctx, { botId: row.p.botId }, { lock: true });
    // re-read under the lock: a tick may have closed it meanwhile
    const [current] = await tx.select().from(positions).where(eq(positions.id, input.positionId));
    if (current.status !== 'open') throw preconditionFailed('That position is already closed.');
    const result = await closePositionsNow(tx, ctx.env, bot, { positionTags: [current.tag ?? current.id], reason: 'MANUAL' });
    const [after] = await tx.select().from(positions).where(eq(positions.id, input.positionId));
    await writeAudit(tx, ctx, 'position.force_exit', { positionId: input.positionId, botId: bot.id });
    return { positionId: after.id, status: after.status, exitPrice: after.exitPrice?.toFixed() ?? null, profitLoss: after.profitLoss?.toDecimalPlaces(8).toFixed() ?? null, fills: result.fills };
  },
});
