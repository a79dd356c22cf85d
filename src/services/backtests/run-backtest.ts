/**
 * Backtest a bot, a template, a built strategy or a type with settings over past candles, with
 * the same engines and fill rules the runner uses; the report is stored in `backtests` (config
 * and result documents plus one column per metric) with its execution time.
 */
import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { backtests, botTemplates, strategies } from '../../db/schema/index.ts';
import type { BacktestProgress } from '../../engines/backtest/index.ts';
import { createBuilderEngine } from '../../engines/builder/index.ts';
import { BOT_TYPES, type BotType, type StrategyEngine, type Timeframe } from '../../engines/types.ts';
import { BOT_EXCHANGES, TIMEFRAMES } from '../../shared/enums.ts';
import { Decimal } from '../../shared/money.ts';
import { loadBot, requireUserId } from '../bots/bot-access.ts';
import { money } from '../bots/create-bot.ts';
import { engineFor, validateBotConfig } from '../bots/engine-registry.ts';
import { planFor } from '../bots/plan-limits.ts';
import { writeAudit } from '../core/audit.ts';
import type { ServiceContext } from '../core/context.ts';
import { invalid, limitExceeded, notFound, preconditionFailed } from '../core/errors.ts';
import { parseInput } from '../core/verb.ts';
import { loadPair } from '../runner/market-inputs.ts';
import { loadHistory } from './load-history.ts';
import { runInBacktestWorker } from './backtest-pool.ts';

export const runBacktestInput = z
  .object({
    bot: z.string().trim().min(1).max(64).optional(),
    templateId: z.string().max(64).optional(),
    strategyId: z.string().max(64).optional(),
    type: z.enum(BOT_TYPES, { message: `type must be one of ${BOT_TYPES.join(', ')}` }).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    exchange: z.enum(BOT_EXCHANGES).optional(),
    tradingPair: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,10}\/[A-Z0-9]{2,10}$/, 'tradingPair must look like BTC/USDT').optional(),
    timeframe: z.enum(TIMEFRAMES, { message: `timeframe must be one of ${TIMEFRAMES.join(', ')}` }).optional(),
    days: z.number({ message: 'days must be a number' }).int('days must be a whole number').min(1, 'days must be between 1 and 3650').max(3650, 'days must be between 1 and 3650').default(30),
    initialBalance: money('initialBalance').default(new Decimal(1000)),
    save: z.boolean().default(true),
  })
  .refine((v) => v.bot || v.templateId || v.strategyId || v.type, { message: 'choose a bot, a template, a strategy or a bot type', path: ['bot'] });

export interface BacktestOutcome {
  id: string | null;
  source: 'exchange' | 'cache' | 'replay';
  dataFrom: Date;
  dataTo: Date;
  candles: number;
  executionTimeMs: number;
  summary: {
    type: string; symbol: string; timeframe: string; initialBalance: string; finalBalance: string; totalReturnPercent: string; cagrPercent: number | null;
    maxDrawdownPercent: number; sharpeRatio: number | null; sortinoRatio: number | null; calmarRatio: number | null; winRate: number | null;
    profitFactor: number | null; expectancy: string | null; totalTrades: number; bestTrade: string | null; worstTrade: string | null;
  };
  equity: { time: number; equity: number }[];
}

export async function runUserBacktest(args: { ctx: ServiceContext; input: z.input<typeof runBacktestInput>; onProgress?: (p: BacktestProgress) => void }): Promise<BacktestOutcome> {
  const { ctx } = args;
  const input = parseInput(runBacktestInput, args.input);
  const userId = requireUserId(ctx);
  const db = ctx.db ?? ctx.env.db;
  const now = ctx.env.clock.now();

  // what to test
  let engine: StrategyEngine<any, any>;
  let config: unknown;
  let type = input.type ?? 'ai';
  type Venue = (typeof BOT_EXCHANGES)[number];
  type Tf = (typeof TIMEFRAMES)[number];
  let pair: string | undefined = input.tradingPair;
  let timeframe: Tf | undefined = input.timeframe;
  let exchange: Venue | undefined = input.exchange;
  let botId: string | null = null;
  let strategyId: string | null = null;
  if (input.bot) {
    const bot = await loadBot(db, ctx, { name: input.bot });
    botId = bot.id;
    type = bot.type as typeof type;
    config = input.config ? validateBotConfig(bot.type, { ...(bot.config as object), ...input.config }) : bot.config;
    pair ??= bot.tradingPair ?? undefined;
    timeframe ??= (bot.timeframe ?? undefined) as Tf | undefined;
    exchange ??= bot.exchange as Venue;
    engine = engineFor(bot.type);
  } else if (input.templateId) {
    const [t] = await db.select().from(botTemplates).where(and(eq(botTemplates.id, input.templateId), or(eq(botTemplates.visibility, 'public'), isNull(botTemplates.userId), eq(botTemplates.userId, userId))));
    if (!t?.type) throw notFound('That template');
    type = t.type as typeof type;
    const defaults = (t.defaultSettings ?? {}) as { tradingPair?: string; timeframe?: Tf };
    config = validateBotConfig(t.type, { ...(t.config as object), ...input.config });
    pair ??= defaults.tradingPair;
    timeframe ??= defaults.timeframe;
    engine = engineFor(t.type);
  } else if (input.strategyId) {
    const [st] = await db.select().from(strategies).where(and(eq(strategies.id, input.strategyId), or(eq(strategies.creatorId, userId), eq(strategies.isPublic, true))));
    if (!st) throw notFound('That strategy');
    strategyId = st.id;
    engine = createBuilderEngine();
    const parsed = engine.configSchema.safeParse(st.config);
    if (!parsed.success) throw invalid('This strategy cannot be backtested: its configuration is not a built strategy.');
    config = parsed.data;
    timeframe ??= (st.timeframe ?? undefined) as Tf | undefined;
  } else {
    engine = engineFor(type);
    config = validateBotConfig(type, input.config ?? {});
  }
  pair ??= 'BTC/USDT';
  timeframe ??= '5m';
  exchange ??= 'binance';

  const plan = await planFor(db, userId, now);
  if (input.days > plan.backtestDays) throw limitExceeded(`Your ${plan.name} plan backtests up to ${plan.backtestDays} days. Choose fewer days or upgrade.`, { plan: plan.name });
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [{ used }] = await db
    .select({ used: sql<number>`coalesce(sum(${backtests.executionTime}), 0)::float8` })
    .from(backtests)
    .where(and(eq(backtests.userId, userId), gte(backtests.createdAt, monthStart)));
  if (used / 60_000 >= plan.backtestMinutesPerMonth) throw limitExceeded(`You have used this month's ${plan.backtestMinutesPerMonth} backtest minutes on the ${plan.name} plan.`, { plan: plan.name });

  const history = await loadHistory(ctx.env, { exchange, symbol: pair, timeframe, days: input.days });
  if (history.candles.length < 2) throw preconditionFailed('Not enough candles to backtest.');
  const { pair: rules, fees } = await loadPair(db, exchange, pair, now.getTime());

  const started = performance.now();
  const report = await runInBacktestWorker(
    {
      engine: strategyId ? { kind: 'builder' } : { kind: 'bot', type: type as BotType },
      config: engine.configSchema.parse(config),
      candles: history.candles,
      pair: { symbol: rules.symbol, base: rules.base, quote: rules.quote, pricePrecision: rules.pricePrecision, quantityPrecision: rules.quantityPrecision, minOrderSize: rules.minOrderSize.toFixed(), maxOrderSize: rules.maxOrderSize?.toFixed() ?? null },
      fees: { makerRate: fees.makerRate.toFixed(), takerRate: fees.takerRate.toFixed() },
      timeframe: timeframe as Timeframe,
      initialQuote: input.initialBalance.toFixed(),
      slippageBps: 5,
    },
    args.onProgress,
  );
  const executionTimeMs = Math.max(1, Math.round(performance.now() - started));
  const equity = report.equity;
  const num = (v: number | null) => (v === null || !Number.isFinite(v) ? null : new Decimal(v));
  const dec = (v: string | null) => (v === null ? null : new Decimal(v));
  const summary: BacktestOutcome['summary'] = {
    type, symbol: pair, timeframe, initialBalance: report.initialBalance, finalBalance: new Decimal(report.finalBalance).toDecimalPlaces(8).toFixed(),
    totalReturnPercent: new Decimal(report.totalReturnPercent).toDecimalPlaces(4).toFixed(), cagrPercent: report.cagrPercent, maxDrawdownPercent: report.maxDrawdownPercent,
    sharpeRatio: report.sharpeRatio, sortinoRatio: report.sortinoRatio, calmarRatio: report.calmarRatio, winRate: report.winRate, profitFactor: report.profitFactor,
    expectancy: report.expectancy === null ? null : new Decimal(report.expectancy).toDecimalPlaces(8).toFixed(), totalTrades: report.totalTrades,
    bestTrade: report.bestTrade === null ? null : new Decimal(report.bestTrade).toDecimalPlaces(8).toFixed(), worstTrade: report.worstTrade === null ? null : new Decimal(report.worstTrade).toDecimalPlaces(8).toFixed(),
  };
  let id: string | null = null;
  if (input.save) {
    const [row] = await db
      .insert(backtests)
      .values({
        botId, strategyId, userId, executionTime: executionTimeMs, createdAt: now, tradingPair: pair, timeframe, startDate: history.from, endDate: history.to,
        config: { type, config, exchange, tradingPair: pair, timeframe, days: input.days, initialBalance: input.initialBalance.toFixed(), templateId: input.templateId ?? null, fillRules: { slippageBps: 5 } } as Record<string, unknown>,
        result: { ...summary, dataSource: history.source, candles: history.candles.length, equity, trades: report.trades },
        initialBalance: dec(report.initialBalance), finalBalance: dec(report.finalBalance), totalReturn: dec(report.totalReturn), totalReturnPercentage: dec(report.totalReturnPercent),
        maxDrawdown: new Decimal(report.maxDrawdownPercent), sharpeRatio: num(report.sharpeRatio), sortinoRatio: num(report.sortinoRatio), calmarRatio: num(report.calmarRatio),
        winRate: num(report.winRate), profitFactor: num(report.profitFactor), totalTrades: report.totalTrades, winningTrades: report.winningTrades, losingTrades: report.losingTrades,
        bestTrade: dec(report.bestTrade), worstTrade: dec(report.worstTrade), avgTrade: dec(report.avgTrade), maxConsecutiveWins: report.maxConsecutiveWins, maxConsecutiveLosses: report.maxConsecutiveLosses,
        metadata: { dataSource: history.source },
      })
      .returning({ id: backtests.id });
    id = row.id;
    await writeAudit(db, ctx, 'backtest.run', { backtestId: id, type, pair, timeframe, days: input.days });
  }
  return { id, source: history.source, dataFrom: history.from, dataTo: history.to, candles: history.candles.length, executionTimeMs, summary, equity };
}
