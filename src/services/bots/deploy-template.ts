/**
 * Deploy a bot template as a bot: the template's config and default settings, with the user's
 * customizations on top, recorded in template_deployments; the template's usage count grows.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { botTemplates, templateDeployments } from '../../db/schema/index.ts';
import { BOT_EXCHANGES, TIMEFRAMES } from '../../shared/enums.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { requireUserId } from './bot-access.ts';
import { botName, createBot, money } from './create-bot.ts';

export const deployTemplateInput = z.object({
  templateId: z.string().min(1).max(64),
  name: botName,
  tradingPair: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,10}\/[A-Z0-9]{2,10}$/, 'tradingPair must look like BTC/USDT').optional(),
  exchange: z.enum(BOT_EXCHANGES, { message: `exchange must be one of ${BOT_EXCHANGES.join(', ')}` }).optional(),
  timeframe: z.enum(TIMEFRAMES, { message: `timeframe must be one of ${TIMEFRAMES.join(', ')}` }).optional(),
  initialBalance: money('initialBalance').optional(),
  paperTrading: z.boolean().default(true),
  config: z.record(z.string(), z.unknown()).default({}),
  signalProviderIds: z.array(z.string().min(1).max(64)).max(20).optional(),
  start: z.boolean().default(false),
});

export const deployTemplate = defineVerb({
  name: 'template.deploy',
  input: deployTemplateInput,
  run: async ({ ctx, input, tx }) => {
    const userId = requireUserId(ctx);
    const [template] = await tx
      .select()
      .from(botTemplates)
      .where(and(eq(botTemplates.id, input.templateId), or(eq(botTemplates.visibility, 'public'), isNull(botTemplates.userId), eq(botTemplates.userId, userId))));
    if (!template || !template.type) throw notFound('That template');
    const defaults = (template.defaultSettings ?? {}) as { tradingPair?: string; timeframe?: (typeof TIMEFRAMES)[number]; initialBalance?: string };
    const bot = await createBot({
      ctx: { ...ctx, db: tx },
      input: {
        name: input.name,
        type: template.type as never,
        exchange: input.exchange ?? 'binance',
        tradingPair: input.tradingPair ?? defaults.tradingPair ?? 'BTC/USDT',
        timeframe: input.timeframe ?? defaults.timeframe ?? '5m',
        config: { ...(template.config as Record<string, unknown>), ...input.config },
        initialBalance: input.initialBalance?.toFixed() ?? defaults.initialBalance ?? '1000',
        paperTrading: input.paperTrading,
        signalProviderIds: input.signalProviderIds,
        templateId: template.id,
        description: template.description,
        start: input.start,
      },
    });
    const customization = { ...input, config: input.config, initialBalance: input.initialBalance?.toFixed() };
    await tx.insert(templateDeployments).values({ templateId: template.id, userId, botId: bot.id, customization, deployedAt: ctx.env.clock.now() });
    await tx.update(botTemplates).set({ usageCount: sql`${botTemplates.usageCount} + 1` }).where(eq(botTemplates.id, template.id));
    return bot;
  },
});
