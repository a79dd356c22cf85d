/**
 * Pause or stop a bot on its owner's behalf, under the bot's row lock (a tick never interleaves).
 * Stopping may close the bot's open positions at market (reason BOT_STOPPED), as the owner's
 * own /bot stop does; otherwise they are kept.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bots } from '../../db/schema/index.ts';
import type { ServiceContext } from '../core/context.ts';
import { notFound, preconditionFailed } from '../core/errors.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { closePositionsNow } from '../runner/close-positions-now.ts';

export async function changeBotStatus(tx: DbOrTx, ctx: ServiceContext, input: { botId: string; reason?: string; closePositions?: boolean }, to: 'paused' | 'inactive') {
  const [bot] = await tx.select().from(bots).where(eq(bots.id, input.botId)).for('update');
  if (!bot) throw notFound('That bot');
  if (bot.status === to) throw preconditionFailed(`This bot is already ${to === 'paused' ? 'paused' : 'stopped'}.`);
  if (to === 'paused' && bot.status !== 'active') throw preconditionFailed('Only a running bot can be paused.');
  const now = ctx.env.clock.now();
  const closed = to === 'inactive' && input.closePositions ? (await closePositionsNow(tx, ctx.env, bot, { positionTags: 'all', reason: 'BOT_STOPPED' })).closed : 0;
  await tx.update(bots).set(to === 'inactive' ? { status: to, stoppedAt: now, updatedAt: now } : { status: to, updatedAt: now }).where(eq(bots.id, bot.id));
  const verb = to === 'paused' ? 'paused' : 'stopped';
  await raiseNotification(tx, {
    userId: bot.userId,
    type: 'BOT_STOPPED',
    priority: 'HIGH',
    title: `Bot ${verb} by support`,
    message: `Our team ${verb} your bot "${bot.name}".${closed ? ` ${closed} open position(s) were closed at market.` : ''}${input.reason ? ` Reason: ${input.reason}` : ''}`,
    metadata: { botId: bot.id, by: 'admin', status: to },
    now,
  });
  await auditAdmin(tx, ctx, to === 'paused' ? 'bot.admin_pause' : 'bot.admin_stop', { botId: bot.id, ownerId: bot.userId, from: bot.status, reason: input.reason ?? null, closedPositions: closed });
  return { botId: bot.id, status: to, closedPositions: closed };
}
