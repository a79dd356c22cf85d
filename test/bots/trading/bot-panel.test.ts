/**
 * /bot's buttons on Telegram against running paper bots: Stop asks whether to close or keep the
 * open positions and closing really sells them; Delete asks first; /forceexit asks, then closes
 * one position; the status commands then show the closed trades.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { createBot } from '../../../src/services/bots/create-bot.ts';
import { consoleActor } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { tickBots, useReplay } from '../../helpers/runner.ts';
import { usePlatforms } from '../helpers/platforms.ts';

const t = useTestDatabase();
const chat = usePlatforms(t);
const USER = 840001;
const dca = { baseOrderSize: 50, safetyOrderSize: 50, maxSafetyOrders: 3, priceDeviationPercent: 1, takeProfitPercent: 1 };
let userId: string;

async function runningBot(name: string) {
  const bot = await createBot({ ctx: t.ctx(consoleActor(userId)), input: { name, type: 'dca', tradingPair: 'BTC/USDT', config: dca, start: true } });
  await tickBots(t, [bot.id], 3);
  return bot;
}

const buttonsOfLast = () => (chat.tgApi.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').at(-1)!.body.reply_markup?.inline_keyboard ?? []).flat().map((b: any) => b.callback_data as string);

beforeAll(async () => {
  useReplay(t, 300);
  await chat.telegram(USER, '/start');
  const [user] = await t.env.db.update(s.users).set({ subscriptionPlan: 'pro' }).where(eq(s.users.telegramChatId, String(USER))).returning();
  userId = user.id;
});

describe('/bot buttons', () => {
  it('Stop asks what to do with open positions; closing them sells at market', async () => {
    const bot = await runningBot('Closer');
    const panel = await chat.telegram(USER, '/bot Closer');
    expect(panel).toMatch(/<b>Closer<\/b>: DCA on BTC\/USDT 5m at binance · paper/);
    expect(panel).toMatch(/Open positions \(1\)/);
    expect(buttonsOfLast()).toEqual(expect.arrayContaining([`/botdo pause ${bot.id}`, `/botdo stop ${bot.id}`, `/positions ${bot.id}`]));

    const from = chat.tgApi.reset();
    const question = await chat.telegramButton(USER, `/botdo stop ${bot.id}`);
    expect(question).toMatch(/It has 1 open position\(s\): close them at market now, or keep them\?/);
    expect(chat.tgApi.calls.slice(from).map((c) => c.method)).toContain('editMessageText'); // the panel turns into the question
    expect(buttonsOfLast()).toEqual([`/botdo stopclose ${bot.id}`, `/botdo stopkeep ${bot.id}`, `/bot ${bot.id}`]);
    const [stillRunning] = await t.env.db.select().from(s.bots).where(eq(s.bots.id, bot.id));
    expect(stillRunning.status).toBe('active'); // asking changed nothing

    expect(await chat.telegramButton(USER, `/botdo stopclose ${bot.id}`)).toMatch(/Stopped; 1 position\(s\) closed at market/);
    const positions = await t.env.db.select().from(s.positions).where(eq(s.positions.botId, bot.id));
    expect(positions.map((p) => [p.status, p.closeReason])).toEqual([['closed', 'BOT_STOPPED']]);
    const [stopped] = await t.env.db.select().from(s.bots).where(eq(s.bots.id, bot.id));
    expect(stopped.status).toBe('inactive');
  });

  it('Stop can keep the positions', async () => {
    const bot = await runningBot('Keeper');
    expect(await chat.telegramButton(USER, `/botdo stop ${bot.id}`)).toMatch(/close them at market now, or keep them/);
    expect(await chat.telegramButton(USER, `/botdo stopkeep ${bot.id}`)).toMatch(/Stopped; its open positions were kept/);
    const open = await t.env.db.select().from(s.positions).where(and(eq(s.positions.botId, bot.id), eq(s.positions.status, 'open')));
    expect(open).toHaveLength(1);
  });

  it('Delete asks for confirmation, then deletes', async () => {
    const [bot] = await t.env.db.select().from(s.bots).where(and(eq(s.bots.userId, userId), eq(s.bots.name, 'Closer')));
    expect(await chat.telegramButton(USER, `/botdo delete ${bot.id}`)).toMatch(/Delete <b>Closer<\/b>\? .*cannot be undone/);
    expect(buttonsOfLast()).toEqual([`/botdo deleteyes ${bot.id}`, `/bot ${bot.id}`]);
    expect(await t.env.db.select().from(s.bots).where(eq(s.bots.id, bot.id))).toHaveLength(1);
    expect(await chat.telegramButton(USER, `/bot ${bot.id}`)).toMatch(/Status: <b>inactive<\/b>/); // "No, keep it"
    expect(await chat.telegramButton(USER, `/botdo deleteyes ${bot.id}`)).toMatch(/Deleted <b>Closer<\/b>/);
    expect(await t.env.db.select().from(s.bots).where(eq(s.bots.id, bot.id))).toEqual([]);
  });

  it('a running bot must be stopped before it is deleted', async () => {
    const bot = await runningBot('Runner');
    expect(await chat.telegramButton(USER, `/botdo delete ${bot.id}`)).toMatch(/Runner is running\. Stop it first/);
    expect(await t.env.db.select().from(s.bots).where(eq(s.bots.id, bot.id))).toHaveLength(1);
  });

  it('/forceexit asks, then closes one position; /positions, /trades, /profit and /daily show it', async () => {
    const [runner] = await t.env.db.select().from(s.bots).where(and(eq(s.bots.userId, userId), eq(s.bots.name, 'Runner')));
    const [position] = await t.env.db.select().from(s.positions).where(and(eq(s.positions.botId, runner.id), eq(s.positions.status, 'open')));
    const listed = await chat.telegram(USER, '/positions');
    expect(listed).toContain(`#${position.id.slice(-6)}`);
    expect(buttonsOfLast()).toContain(`/forceexit ${position.id}`);
    expect(await chat.telegramButton(USER, `/forceexit ${position.id}`)).toMatch(/Close <b>#\w{6}<\/b> of <b>Runner<\/b> at market now\?/);
    expect((await t.env.db.select().from(s.positions).where(eq(s.positions.id, position.id)))[0].status).toBe('open');
    expect(await chat.telegramButton(USER, `/forceexit ${position.id.slice(-6)} yes`)).toMatch(/Closed <b>#\w{6}<\/b> of Runner at \d/);
    const [closed] = await t.env.db.select().from(s.positions).where(eq(s.positions.id, position.id));
    expect([closed.status, closed.closeReason]).toEqual(['closed', 'MANUAL']);

    const trades = await chat.telegram(USER, '/trades 5');
    expect(trades).toMatch(/Last \d trades<\/b> <i>\(UTC\)<\/i>\n2026-03-02 09:\d\d SELL [\d.]+ BTC\/USDT @ [\d.]+ \(Runner, paper\) · P&amp;L [+−][\d.]+/);
    expect(await chat.telegram(USER, '/profit')).toMatch(/Closed trades: 1/);
    const daily = await chat.telegram(USER, '/daily 3');
    expect(daily).toMatch(/2026-03-02 +[+−][\d.]+ +1 trade, \d won/);
    expect(daily).toMatch(/2026-02-28 +0\.00 +0 trades/);
    expect(await chat.telegram(USER, '/performance')).toMatch(/<b>BTC\/USDT<\/b> [+−][\d.]+ · 1 trade /);
    expect(await chat.telegram(USER, '/balance')).toMatch(/Total equity: <b>[\d.]+<\/b>/);
    expect(await chat.telegram(USER, '/bots')).toMatch(/Your bots \(2\)/);
  });
});
