/**
 * Every bot lookup is scoped to the actor's own user (staff may reach any bot). Unknown and
 * foreign bots are both "not found", so guessing ids or names reveals nothing.
 */
import { and, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bots } from '../../db/schema/index.ts';
import { actorUserId, isStaff, type ServiceContext } from '../core/context.ts';
import { notFound, unauthorized } from '../core/errors.ts';

export type BotRow = typeof bots.$inferSelect;

export interface BotRef {
  botId?: string;
  name?: string;
}

/** Load a bot the actor may act on; `lock` takes the row lock a tick also takes, so they never interleave. */
export async function loadBot(tx: DbOrTx, ctx: ServiceContext, ref: BotRef, options: { lock?: boolean } = {}): Promise<BotRow> {
  const userId = actorUserId(ctx.actor);
  const staff = ctx.actor.kind === 'admin' && isStaff(ctx.actor);
  if (!userId && ctx.actor.kind !== 'system') throw unauthorized();
  const key = ref.botId ?? ref.name;
  if (!key) throw notFound('That bot');
  const match = ref.botId ? eq(bots.id, ref.botId) : or(eq(bots.name, key), eq(bots.id, key));
  const scope = staff || ctx.actor.kind === 'system' ? match : and(match, eq(bots.userId, userId!));
  const query = tx.select().from(bots).where(scope).limit(2);
  const rows = options.lock ? await query.for('update') : await query;
  if (rows.length !== 1) throw notFound(`A bot called "${key}"`);
  return rows[0];
}

export function requireUserId(ctx: ServiceContext): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw unauthorized();
  return userId;
}
