/**
 * Start, pause, stop and delete a bot. Each takes the bot's row lock, so a manual command and a
 * tick never interleave. Status follows the seeds: active, inactive, paused, error.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { bots } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { closePositionsNow } from '../runner/close-positions-now.ts';
import { loadBot } from './bot-access.ts';
import { summarizeBot } from './bot-summary.ts';

const botRef = { botId: z.string().min(1).max(64).optional(), name: z.string().trim().min(1).max(64).optional() };
const ref = z.object(botRef).refine((v) => v.botId || v.name, { message: 'name the bot (its name or id)', path: ['name'] });

export const startBot = defineVerb({
  name: 'bot.start',
  input: ref,
  run: async ({ ctx, input, tx }) => {
    const bot = await loadBot(tx, ctx, input, { lock: true });
    if (bot.status === 'active') return summarizeBot(bot);
    const now = ctx.env.clock.now();
    const [row] = await tx
      .update(bots)
      .set({ status: 'active', startedAt: now, errorMessage: null, consecutiveFailures: 0, updatedAt: now })
      .where(eq(bots.id, bot.id))
      .returning();
    await raiseNotification(tx, { userId: bot.userId, type: 'BOT_STARTED', title: `${bot.name} started`, message: `${bot.name} is running on ${bot.tradingPair} (${bot.paperTrading ? 'paper' : 'live'}).`, metadata: { botId: bot.id }, now });
    await writeAudit(tx, ctx, 'bot.start', { botId: bot.id, from: bot.status });
    return summarizeBot(row);
  },
});

export const pauseBot = defineVerb({
  name: 'bot.pause',
  input: ref,
  run: async ({ ctx, input, tx }) => {
    const bot = await loadBot(tx, ctx, input, { lock: true });
    if (bot.status !== 'active') throw preconditionFailed(`${bot.name} is not running (it is ${bot.status}).`);
    const now = ctx.env.clock.now();
    const [row] = await tx.update(bots).set({ status: 'paused', updatedAt: now }).where(eq(bots.id, bot.id)).returning();
    await writeAudit(tx, ctx, 'bot.pause', { botId: bot.id });
    return summarizeBot(row);
  },
});

export const stopBot = defineVerb({
  name: 'bot.stop',
  input: z.object({ ...botRef, closePositions: z.boolean({ message: 'say whether to close open positions (true) or keep them (false)' }) }).refine((v) => v.botId || v.name, { message: 'name the bot (its name or id)', path: ['name'] }),
  run: async ({ ctx, input, tx }) => {
    const bot = await loadBot(tx, ctx, input, { lock: true });
    const now = ctx.env.clock.now();
    let closed = 0;
    if (input.closePositions) closed = (await closePositionsNow(tx, ctx.env, bot, { positionTags: 'all', reason: 'BOT_STOPPED' })).closed;
    const [row] = await tx.update(bots).set({ status: 'inactive', stoppedAt: now, updatedAt: now }).where(eq(bots.id, bot.id)).returning();
    await raiseNotification(tx, { userId: bot.userId, type: 'BOT_STOPPED', title: `${bot.name} stopped`, message: input.closePositions ? `${bot.name} stopped; ${closed} open position(s) closed at market.` : `${bot.name} stopped; its open positions were kept.`, metadata: { botId: bot.id }, now });
    await writeAudit(tx, ctx, 'bot.stop', { botId: bot.id, closePositions: input.closePositions, closed });
    return { ...summarizeBot(row), closedPositions: closed };
  },
});

export const deleteBot = defineVerb({
  name: 'bot.delete',
  input: z.object({ ...botRef, confirm: z.literal(true, { message: 'deleting a bot needs confirm: true' }) }).refine((v) => v.botId || v.name, { message: 'name the bot (its name or id)', path: ['name'] }),
  run: async ({ ctx, input, tx }) => {
    const bot = await loadBot(tx, ctx, input, { lock: true });
    if (bot.status === 'active') throw preconditionFailed(`${bot.name} is running. Stop it first, choosing what happens to its open positions.`);
    await tx.delete(bots).where(eq(bots.id, bot.id));
    await writeAudit(tx, ctx, 'bot.delete', { botId: bot.id, name: bot.name, type: bot.type });
    return { id: bot.id, name: bot.name, deleted: true };
  },
});
