/** Open (or recently closed) positions and recent trades of the actor's bots. */
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bots, positions, trades } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { botScope } from './scope.ts';

export const listPositions = defineVerb({
  name: 'position.list',
  input: z.object({ bot: z.string().trim().max(64).optional(), status: z.enum(['open', 'closed']).default('open'), limit: z.number().int().min(1).max(100).default(20) }).default({ status: 'open', limit: 20 }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const { botFilter } = await botScope(tx, ctx, input.bot);
    const rows = await tx
      .select({ p: positions, botName: bots.name })
      .from(positions)
      .innerJoin(bots, eq(bots.id, positions.botId))
      .where(and(botFilter, eq(positions.status, input.status)))
      .orderBy(desc(input.status === 'open' ? positions.entryTime : positions.closedAt))
      .limit(input.limit);
    return rows.map(({ p, botName }) => ({
      id: p.id, bot: botName, symbol: p.symbol, side: p.side, quantity: p.quantity.toFixed(), entryPrice: p.entryPrice.toFixed(),
      currentPrice: p.currentPrice.toFixed(), unrealizedPnl: p.unrealizedPnl.toDecimalPlaces(8).toFixed(), unrealizedPnlPercent: p.unrealizedPnlPercent.toDecimalPlaces(2).toFixed(),
      exitPrice: p.exitPrice?.toFixed() ?? null, profitLoss: p.profitLoss?.toDecimalPlaces(8).toFixed() ?? null, profitLossPercent: p.profitLossPercent?.toDecimalPlaces(2).toFixed() ?? null,
      closeReason: p.closeReason, stopLoss: p.stopLoss?.toFixed() ?? null, takeProfit: p.takeProfit?.toFixed() ?? null, openedAt: p.entryTime, closedAt: p.closedAt,
    }));
  },
});

export const listTrades = defineVerb({
  name: 'trade.list',
  input: z.object({ bot: z.string().trim().max(64).optional(), limit: z.number().int().min(1).max(200).default(10) }).default({ limit: 10 }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const { botFilter } = await botScope(tx, ctx, input.bot);
    const rows = await tx
      .select({ t: trades, botName: bots.name })
      .from(trades)
      .innerJoin(bots, eq(bots.id, trades.botId))
      .where(botFilter)
      .orderBy(desc(trades.executedAt))
      .limit(input.limit);
    return rows.map(({ t, botName }) => ({
      id: t.id, bot: botName, symbol: t.symbol, side: t.side, type: t.type, quantity: t.quantity.toFixed(), price: t.executedPrice.toFixed(),
      fee: t.fee.toFixed(), total: t.total.toDecimalPlaces(8).toFixed(), profitLoss: t.profitLoss?.toDecimalPlaces(8).toFixed() ?? null, paper: t.isPaperTrade, executedAt: t.executedAt,
    }));
  },
});
