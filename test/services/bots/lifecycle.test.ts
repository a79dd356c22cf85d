/**
 * Bot lifecycle on real Postgres: validation that names fields and ranges, the plan's bot
 * limit, start/pause/stop (closing or keeping positions, reason BOT_STOPPED), delete, errors
 * after repeated failures, templates, and user scoping.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { createBot } from '../../../src/services/bots/create-bot.ts';
import { deployTemplate } from '../../../src/services/bots/deploy-template.ts';
import { deleteBot, pauseBot, startBot, stopBot } from '../../../src/services/bots/lifecycle.ts';
import { getBot, listBots } from '../../../src/services/bots/list-bots.ts';
import { forceExit } from '../../../src/services/trading/force-exit.ts';
import { listPositions } from '../../../src/services/trading/list-positions.ts';
import { profitSummary } from '../../../src/services/trading/profit.ts';
import { runTickBatch } from '../../../src/services/runner/run-tick-batch.ts';
import { consoleActor, createUser } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { reconcile, tickBots, useReplay } from '../../helpers/runner.ts';

const t = useTestDatabase();
const dca = { baseOrderSize: 50, safetyOrderSize: 50, maxSafetyOrders: 3, priceDeviationPercent: 1, takeProfitPercent: 1 };

describe('creating a bot', () => {
  let userId: string;
  beforeAll(async () => {
    useReplay(t, 300);
    userId = (await createUser(t)).id; // free plan: 2 bots
  });

  it('names the field and its allowed range when the config is wrong', async () => {
    const error = await createBot({ ctx: t.ctx(consoleActor(userId)), input: { name: 'bad', type: 'grid', tradingPair: 'BTC/USDT', config: { lowerPrice: 10, upperPrice: 20, gridLevels: 1000, investment: 100 } } }).catch((e) => e);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({ field: 'config.gridLevels', message: expect.stringMatching(/between 2 and 500/) });
  });

  it('refuses a pair the venue does not list, and a duplicate name', async () => {
    const e1 = await createBot({ ctx: t.ctx(consoleActor(userId)), input: { name: 'x', type: 'dca', tradingPair: 'FOO/BAR', config: dca } }).catch((e) => e);
    expect(e1.code).toBe('VALIDATION');
    expect(e1.issues[0].field).toBe('tradingPair');
    await createBot({ ctx: t.ctx(consoleActor(userId)), input: { name: 'one', type: 'dca', tradingPair: 'BTC/USDT', config: dca } });
    const e2 = await createBot({ ctx: t.ctx(consoleActor(userId)), input: { name: 'one', type: 'dca', tradingPair: 'BTC/USDT', config: dca } }).catch((e) => e);
    expect(e2.code).toBe('CONFLICT');
  });

  it("enforces the plan's bot limit with a clear message", async () => {
    await createBot({ ctx: t.ctx(consoleActor(userId)), input: { name: 'two', type: 'dca', tradingPair: 'BTC/USDT', config: dca } });
    const error = await createBot({ ctx: t.ctx(consoleActor(userId)), input: { name: 'three', type: 'dca', tradingPair: 'BTC/USDT', config: dca } }).catch((e) => e);
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toMatch(/free plan allows 2 bots/);
    expect((await listBots({ ctx: t.ctx(consoleActor(userId)), input: {} })).map((b) => b.name).sort()).toEqual(['one', 'two']);
  });

  it('refuses live trading on the free plan and without a connected exchange', async () => {
    const pro = await createUser(t, { subscriptionPlan: 'pro' });
    const noPlan = await createBot({ ctx: t.ctx(consoleActor(userId)), input: { name: 'live', type: 'dca', tradingPair: 'BTC/USDT', config: dca, paperTrading: false } }).catch((e) => e);
    expect(noPlan.code).toBe('LIMIT_EXCEEDED');
    const noKeys = await createBot({ ctx: t.ctx(consoleActor(pro.id)), input: { name: 'live', type: 'dca', tradingPair: 'BTC/USDT', config: dca, paperTrading: false } }).catch((e) => e);
    expect(noKeys.code).toBe('PRECONDITION_FAILED');
    expect(noKeys.message).toMatch(/\/connect binance/);
  });

  it("keeps users apart: another user's bot is simply not found", async () => {
    const other = await createUser(t);
    const mine = (await listBots({ ctx: t.ctx(consoleActor(userId)), input: {} }))[0];
    for (const input of [{ botId: mine.id }, { name: mine.name }]) {
      await expect(getBot({ ctx: t.ctx(consoleActor(other.id)), input })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(startBot({ ctx: t.ctx(consoleActor(other.id)), input })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(forceExit({ ctx: t.ctx(consoleActor(other.id)), input: { positionId: 'anything' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('running, stopping and deleting', () => {
  let userId: string;
  beforeAll(async () => {
    useReplay(t, 300);
    userId = (await createUser(t, { subscriptionPlan: 'pro' })).id;
  });

  it('start → pause → start → stop keeping positions → delete', async () => {
    const ctx = t.ctx(consoleActor(userId));
    const bot = await createBot({ ctx, input: { name: 'keeper', type: 'dca', tradingPair: 'BTC/USDT', config: dca } });
    expect(bot.status).toBe('inactive');
    expect((await startBot({ ctx, input: { name: 'keeper' } })).status).toBe('active');
    await tickBots(t, [bot.id], 3);
    expect((await pauseBot({ ctx, input: { name: 'keeper' } })).status).toBe('paused');
    // a paused bot is not ticked
    const paused = await runTickBatch(t.env, [{ botId: bot.id, slot: 1 }]);
    expect(paused.ticked).toBe(0);
    await startBot({ ctx, input: { name: 'keeper' } });
    await expect(deleteBot({ ctx, input: { name: 'keeper', confirm: true } })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const openBefore = await listPositions({ ctx, input: { bot: 'keeper' } });
    expect(openBefore.length).toBeGreaterThan(0);
    const stopped = await stopBot({ ctx, input: { name: 'keeper', closePositions: false } });
    expect(stopped.status).toBe('inactive');
    expect(await listPositions({ ctx, input: { bot: 'keeper' } })).toHaveLength(openBefore.length);
    const trades = await t.database.db.select().from(s.trades).where(eq(s.trades.botId, bot.id));
    await deleteBot({ ctx, input: { name: 'keeper', confirm: true } });
    expect(await t.database.db.select().from(s.bots).where(eq(s.bots.id, bot.id))).toEqual([]);
    // the fills survive their bot
    const kept = await t.database.db.select().from(s.trades).where(and(eq(s.trades.userId, userId)));
    expect(kept.filter((x) => trades.some((y) => y.id === x.id))).toHaveLength(trades.length);
    const audit = await t.database.db.select().from(s.auditLogs).where(eq(s.auditLogs.userId, userId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['bot.create', 'bot.start', 'bot.pause', 'bot.stop', 'bot.delete']));
  });

  it('stop closing positions sells at market with reason BOT_STOPPED and reconciles', async () => {
    const ctx = t.ctx(consoleActor(userId));
    const bot = await createBot({ ctx, input: { name: 'closer', type: 'dca', tradingPair: 'BTC/USDT', config: dca, start: true } });
    await tickBots(t, [bot.id], 3);
    const open = await listPositions({ ctx, input: { bot: 'closer' } });
    expect(open.length).toBe(1);
    const result = await stopBot({ ctx, input: { name: 'closer', closePositions: true } });
    expect(result.closedPositions).toBe(1);
    const [position] = await t.database.db.select().from(s.positions).where(eq(s.positions.id, open[0].id));
    expect(position.status).toBe('closed');
    expect(position.closeReason).toBe('BOT_STOPPED');
    const orders = await t.database.db.select().from(s.orders).where(and(eq(s.orders.botId, bot.id), eq(s.orders.status, 'open')));
    expect(orders).toEqual([]); // resting safety orders were cancelled
    const r = await reconcile(t, bot.id);
    expect(r.cashMatches).toBe(true);
    expect(r.bot.totalTrades).toBe(1);
    const summary = await profitSummary({ ctx, input: { bot: 'closer' } });
    expect(summary.closedTrades).toBe(1);
    expect(summary.totalProfit).toBe(position.profitLoss!.toDecimalPlaces(8).toFixed());
  });

  it('force-exit closes one position with reason MANUAL', async () => {
    const ctx = t.ctx(consoleActor(userId));
    const bot = await createBot({ ctx, input: { name: 'manual', type: 'dca', tradingPair: 'BTC/USDT', config: dca, start: true } });
    await tickBots(t, [bot.id], 2);
    const [open] = await listPositions({ ctx, input: { bot: 'manual' } });
    const exited = await forceExit({ ctx, input: { positionId: open.id } });
    expect(exited.status).toBe('closed');
    const [row] = await t.database.db.select().from(s.positions).where(eq(s.positions.id, open.id));
    expect(row.closeReason).toBe('MANUAL');
    await expect(forceExit({ ctx, input: { positionId: open.id } })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await reconcile(t, bot.id)).cashMatches).toBe(true);
  });

  it('goes to error after 5 failing ticks, keeps the message and raises BOT_ERROR', async () => {
    const ctx = t.ctx(consoleActor(userId));
    const bot = await createBot({ ctx, input: { name: 'doomed', type: 'dca', tradingPair: 'ETH/USDT', config: dca, start: true } }); // no replay data for ETH/USDT
    const results = await tickBots(t, [bot.id], 5);
    expect(results.map((r) => r.failed)).toEqual([1, 1, 1, 1, 1]);
    const [row] = await t.database.db.select().from(s.bots).where(eq(s.bots.id, bot.id));
    expect(row.status).toBe('error');
    expect(row.errorMessage).toMatch(/No replay data for ETH\/USDT/);
    const notes = await t.database.db.select().from(s.notifications).where(and(eq(s.notifications.userId, userId), eq(s.notifications.type, 'BOT_ERROR')));
    expect(notes).toHaveLength(1);
    const execs = await t.database.db.select().from(s.executions).where(eq(s.executions.botId, bot.id));
    expect(execs.every((e) => e.status === 'error')).toBe(true);
    // starting again clears the error
    expect((await startBot({ ctx, input: { name: 'doomed' } })).errorMessage).toBeNull();
  });

  it('deploys a template with customizations recorded', async () => {
    const ctx = t.ctx(consoleActor(userId));
    const bot = await deployTemplate({ ctx, input: { templateId: 'tpl_grid_range', name: 'my grid', config: { gridLevels: 11 } } });
    expect(bot.type).toBe('grid');
    const [deployment] = await t.database.db.select().from(s.templateDeployments).where(eq(s.templateDeployments.botId, bot.id));
    expect(deployment.customization).toMatchObject({ config: { gridLevels: 11 } });
    const [template] = await t.database.db.select().from(s.botTemplates).where(eq(s.botTemplates.id, 'tpl_grid_range'));
    expect(template.usageCount).toBe(1);
    const full = await getBot({ ctx, input: { name: 'my grid' } });
    expect((full.config as { gridLevels: number }).gridLevels).toBe(11);
  });
});

describe('support stops a bot on its owner’s behalf', () => {
  it('closing its positions at market, under the same lock a tick takes', async () => {
    useReplay(t, 300);
    const { adminStopBot } = await import('../../../src/services/admin-bots/admin-stop-bot.ts');
    const owner = await createUser(t, { subscriptionPlan: 'pro' });
    const admin = await createUser(t, { role: 'admin' });
    const bot = await createBot({ ctx: t.ctx(consoleActor(owner.id)), input: { name: 'supported', type: 'dca', tradingPair: 'BTC/USDT', config: dca, start: true } });
    await tickBots(t, [bot.id], 2);
    const result = await adminStopBot({ ctx: t.ctx({ kind: 'admin', userId: admin.id, role: 'admin', via: 'session' }), input: { botId: bot.id, closePositions: true } });
    expect(result.closedPositions).toBe(1);
    const open = await t.database.db.select().from(s.positions).where(and(eq(s.positions.botId, bot.id), eq(s.positions.status, 'open')));
    expect(open).toEqual([]);
    expect((await reconcile(t, bot.id)).cashMatches).toBe(true);
  });
});
