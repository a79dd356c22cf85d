/** A user's bots (or every bot, for staff), and one bot with its open positions. */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { bots, positions, users } from '../../db/schema/index.ts';
import { BOT_STATUSES } from '../../shared/enums.ts';
import { isStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { loadBot, requireUserId } from './bot-access.ts';
import { summarizeBot } from './bot-summary.ts';

export const listBots = defineVerb({
  name: 'bot.list',
  input: z.object({ status: z.enum(BOT_STATUSES).optional(), all: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).default({ all: false, limit: 100, offset: 0 }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const everyone = input.all && ctx.actor.kind === 'admin' && isStaff(ctx.actor);
    const filters: SQL[] = [];
    if (!everyone) filters.push(eq(bots.userId, requireUserId(ctx)));
    if (input.status) filters.push(eq(bots.status, input.status));
    const rows = await tx
      .select({ bot: bots, owner: users.email })
      .from(bots)
      .innerJoin(users, eq(users.id, bots.userId))
      .where(filters.length ? and(...filters) : undefined)
      .orderBy(desc(bots.status), asc(bots.name))
      .limit(input.limit)
      .offset(input.offset);
    return rows.map((r) => ({ ...summarizeBot(r.bot), owner: everyone ? r.owner : undefined }));
  },
});

export const getBot = defineVerb({
  name: 'bot.get',
  input: z.object({ botId: z.string().min(1).max(64).optional(), name: z.string().trim().min(1).max(64).optional() }).refine((v) => v.botId || v.name, { message: 'name the bot (its name or id)', path: ['name'] }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const bot = await loadBot(tx, ctx, input);
    const open = await tx.select().from(positions).where(and(eq(positions.botId, bot.id), eq(positions.status, 'open'))).orderBy(asc(positions.entryTime));
    return {
      ...summarizeBot(bot),
      config: bot.config,
      openPositions: open.map((p) => ({
        id: p.id, symbol: p.symbol, side: p.side, quantity: p.quantity.toFixed(), entryPrice: p.entryPrice.toFixed(), currentPrice: p.currentPrice.toFixed(),
        unrealizedPnl: p.unrealizedPnl.toDecimalPlaces(8).toFixed(), unrealizedPnlPercent: p.unrealizedPnlPercent.toDecimalPlaces(4).toFixed(),
        stopLoss: p.stopLoss?.toFixed() ?? null, takeProfit: p.takeProfit?.toFixed() ?? null, openedAt: p.entryTime,
      })),
    };
  },
});
