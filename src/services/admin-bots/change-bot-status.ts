/**
 * Minimal pause/stop on a user's behalf. The runtime owns bot lifecycle semantics (closing
 * positions, engine state); this only flips the status the runtime reads, with audit and a
 * notification, and is meant to be replaced or extended by it.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bots } from '../../db/schema/index.ts';
import type { ServiceContext } from '../core/context.ts';
import { notFound, preconditionFailed } from '../core/errors.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { auditAdmin } from '../admin-core/audit.ts';

export async function changeBotStatus(tx: DbOrTx, ctx: ServiceContext, input: { botId: string; reason?: string }, to: 'paused' | 'inactive') {
  const [bot] = await tx.select().from(bots).where(eq(bots.id, input.botId)).for('update');
  if (!bot) throw notFound('That bot');
  if (bot.status === to) throw preconditionFailed(`This bot is already ${to === 'paused' ? 'paused' : 'stopped'}.`);
  if (to === 'paused' && bot.status !== 'active') throw preconditionFailed('Only a running bot can be paused.');
  const now = ctx.env.clock.now();
  await tx.update(bots).set(to === 'inactive' ? { status: to, stoppedAt: now, updatedAt: now } : { status: to, updatedAt: now }).where(eq(bots.id, bot.id));
  const verb = to === 'paused' ? 'paused' : 'stopped';
  await raiseNotification(tx, {
    userId: bot.userId,
    type: 'BOT_STOPPED',
    priority: 'HIGH',
    title: `Bot ${verb} by support`,
    message: `Our team ${verb} your bot "${bot.name}".${input.reason ? ` Reason: ${input.reason}` : ''}`,
    metadata: { botId: bot.id, by: 'admin', status: to },
    now,
  });
  await auditAdmin(tx, ctx, to === 'paused' ? 'bot.admin_pause' : 'bot.admin_stop', { botId: bot.id, ownerId: bot.userId, from: bot.status, reason: input.reason ?? null });
  return { botId: bot.id, status: to };
}
