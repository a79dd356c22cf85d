/** Trading history is always read through the actor's own bots (optionally one of them). */
import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bots } from '../../db/schema/index.ts';
import type { ServiceContext } from '../core/context.ts';
import { loadBot, requireUserId } from '../bots/bot-access.ts';

export async function botScope(tx: DbOrTx, ctx: ServiceContext, botName?: string): Promise<{ userId: string; botFilter: SQL; botIds: string[] | null }> {
  const userId = requireUserId(ctx);
  if (botName) {
    const bot = await loadBot(tx, ctx, { name: botName });
    return { userId, botFilter: eq(bots.id, bot.id), botIds: [bot.id] };
  }
  return { userId, botFilter: and(eq(bots.userId, userId))!, botIds: null };
}
