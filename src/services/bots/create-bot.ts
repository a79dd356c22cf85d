/**
 * Create a bot: validate its config for its type, check the pair exists on the venue, enforce
 * the plan's bot limit and live-trading right; live bots need a connected exchange.
 */
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bots, exchangeConnections, exchanges, tradingPairs } from '../../db/schema/index.ts';
import { BOT_TYPES } from '../../engines/types.ts';
import { BOT_EXCHANGES, TIMEFRAMES } from '../../shared/enums.ts';
import { Decimal } from '../../shared/money.ts';
import { writeAudit } from '../core/audit.ts';
import { conflict, invalid, limitExceeded, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { requireUserId } from './bot-access.ts';
import { summarizeBot } from './bot-summary.ts';
import { validateBotConfig } from './engine-registry.ts';
import { planFor } from './plan-limits.ts';

export const botName = z
  .string({ message: 'name is required' })
  .trim()
  .min(1, 'name must be 1 to 40 characters')
  .max(40, 'name must be 1 to 40 characters')
  .regex(/^[\p{L}\p{N} _.-]+$/u, 'name may contain letters, digits, spaces, dot, dash and underscore');

export const money = (field: string, max = '1000000000') =>
  z
    .union([z.string(), z.number()], { message: `${field} must be a number` })
    .transform((v, ctx) => {
      const text = String(v).trim().replace(/_/g, '');
      if (!/^\d+(\.\d+)?$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: `${field} must be a positive number like 1000 or 250.5` });
        return z.NEVER;
      }
      const d = new Decimal(text);
      if (d.lte(0) || d.gt(max)) {
        ctx.addIssue({ code: 'custom', message: `${field} must be more than 0 and at most ${max}` });
        return z.NEVER;
      }
      return d;
    });

export const createBotInput = z.object({
  name: botName,
  type: z.enum(BOT_TYPES, { message: `type must be one of ${BOT_TYPES.join(', ')}` }),
  exchange: z.enum(BOT_EXCHANGES, { message: `exchange must be one of ${BOT_EXCHANGES.join(', ')}` }).default('binance'),
  tradingPair: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,10}\/[A-Z0-9]{2,10}$/, 'tradingPair must look like BTC/USDT'),
  timeframe: z.enum(TIMEFRAMES, { message: `timeframe must be one of ${TIMEFRAMES.join(', ')}` }).default('5m'),
  config: z.record(z.string(), z.unknown()).default({}),
  riskSettings: z.record(z.string(), z.unknown()).default({}),
  paperTrading: z.boolean().default(true),
  initialBalance: money('initialBalance').default(new Decimal(1000)),
  description: z.string().trim().max(500).optional(),
  signalProviderIds: z.array(z.string().min(1).max(64)).max(20).optional(),
  templateId: z.string().max(64).optional(),
  start: z.boolean().default(false),
});

export const createBot = defineVerb({
  name: 'bot.create',
  input: createBotInput,
  run: async ({ ctx, input, tx }) => {
    const userId = requireUserId(ctx);
    const now = ctx.env.clock.now();
    const config = validateBotConfig(input.type, input.config) as Record<string, unknown>;

    const [base, quote] = input.tradingPair.split('/');
    const [pair] = await tx
      .select({ id: tradingPairs.id })
      .from(tradingPairs)
      .innerJoin(exchanges, eq(exchanges.id, tradingPairs.exchangeId))
      .where(and(eq(exchanges.name, input.exchange), eq(tradingPairs.symbol, `${base}${quote}`), eq(tradingPairs.active, true)));
    if (!pair) throw invalid(`${input.exchange} has no ${input.tradingPair} market here.`, [{ field: 'tradingPair', message: `not listed on ${input.exchange}` }]);

    const plan = await planFor(tx, userId, now);
    const [{ n }] = await tx.select({ n: count() }).from(bots).where(eq(bots.userId, userId));
    if (n >= plan.maxBots) {
      throw limitExceeded(`Your ${plan.name} plan allows ${plan.maxBots} bots and you have ${n}. Delete a bot or upgrade your plan to add more.`, { plan: plan.name, maxBots: plan.maxBots, bots: n });
    }

    let connectionId: string | null = null;
    if (!input.paperTrading && input.type === 'arbitrage') {
      throw invalid('Arbitrage runs on paper only for now: live arbitrage needs two connected venues traded in one step, which Tradewire does not do yet.', [{ field: 'paperTrading', message: 'arbitrage bots must be paper bots' }]);
    }
    if (!input.paperTrading) {
      if (!plan.liveTrading) throw limitExceeded(`Live trading is not part of the ${plan.name} plan. Keep this bot on paper, or upgrade to trade for real.`, { plan: plan.name });
      const [conn] = await tx
        .select({ id: exchangeConnections.id })
        .from(exchangeConnections)
        .where(and(eq(exchangeConnections.userId, userId), eq(exchangeConnections.exchange, input.exchange), eq(exchangeConnections.isActive, true)));
      if (!conn) throw preconditionFailed(`A live bot needs your ${input.exchange} account. Connect it first with /connect ${input.exchange}.`);
      connectionId = conn.id;
    }

    const [existing] = await tx.select({ id: bots.id }).from(bots).where(and(eq(bots.userId, userId), eq(bots.name, input.name)));
    if (existing) throw conflict(`You already have a bot called "${input.name}". Pick another name.`);

    const [bot] = await tx
      .insert(bots)
      .values({
        userId,
        name: input.name,
        description: input.description ?? null,
        type: input.type,
        status: input.start ? 'active' : 'inactive',
        config,
        riskSettings: input.riskSettings,
        paperTrading: input.paperTrading,
        exchange: input.exchange,
        tradingPair: input.tradingPair,
        timeframe: input.timeframe,
        initialBalance: input.initialBalance,
        currentBalance: input.initialBalance,
        exchangeConnectionId: connectionId,
        templateId: input.templateId ?? null,
        metadata: input.signalProviderIds ? { signalProviderIds: input.signalProviderIds } : {},
        startedAt: input.start ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await raiseNotification(tx, { userId, type: 'BOT_CREATED', title: `Bot ${bot.name} created`, message: `${bot.name} (${bot.type}, ${bot.tradingPair} on ${bot.exchange}, ${bot.paperTrading ? 'paper' : 'live'}) is ready.${input.start ? ' It is running.' : ' Start it when you are ready.'}`, metadata: { botId: bot.id }, now });
    await writeAudit(tx, ctx, 'bot.create', { botId: bot.id, type: bot.type, paper: bot.paperTrading });
    return summarizeBot(bot);
  },
});
