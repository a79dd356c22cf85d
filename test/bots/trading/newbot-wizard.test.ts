/**
 * The /newbot wizard end to end on each platform, through the real adapters, with the process
 * restarted in the middle: the bot created has exactly the settings entered, and the preview
 * before confirming is a 30-day backtest with an equity chart image.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { connectExchange } from '../../../src/services/exchange-connections/connect-exchange.ts';
import { consoleActor } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { FakeVenue } from '../../helpers/fake-venue.ts';
import { useReplay } from '../../helpers/runner.ts';
import { usePlatforms } from '../helpers/platforms.ts';

const t = useTestDatabase();
const chat = usePlatforms(t);

beforeAll(() => useReplay(t));

/** Each answer, whether a person would press a button for it, and what the next prompt says. */
const SCRIPT: { answer: string; button?: boolean; expect: RegExp }[] = [
  { answer: 'dca', button: true, expect: /Which exchange/ },
  { answer: 'binance', button: true, expect: /Which pair should it trade on binance/ },
  { answer: 'btc/usdt', expect: /Which candles/ },
  { answer: '5m', button: true, expect: /DCA settings.*\(1 of 4\)[\s\S]*First order of each deal: .*20 USDT[\s\S]*baseOrderSize must be a decimal number greater than 0/ },
  { answer: '25', expect: /First safety order/ },
  { answer: '-5', expect: /safetyOrderSize must be a decimal number greater than 0[\s\S]*Try again/ },
  { answer: '30', expect: /Most safety orders per deal: .*5[\s\S]*between 0 and 100/ },
  { answer: '101', expect: /maxSafetyOrders must be a whole number between 0 and 100/ },
  { answer: '3', expect: /Drop from the entry/ },
  // the process restarts here (RESTART_AT)
  { answer: '1.5', expect: /Risk.*\(1 of 2\)[\s\S]*Take profit above the average entry: .*1\.5 %/ },
  { answer: '2', expect: /Stop loss below the average entry[\s\S]*or none/ },
  { answer: 'none', expect: /Paper or live/ },
  { answer: 'live', button: true, expect: /needs your binance account[\s\S]*\/connect binance/ },
  { answer: 'paper', button: true, expect: /How much pretend USDT/ },
  { answer: '2000', expect: /what should I call it/ },
];
const RESTART_AT = 9;

const expectedConfig = { baseOrderSize: '25', safetyOrderSize: '30', maxSafetyOrders: 3, priceDeviationPercent: 1.5, takeProfitPercent: 2 };

async function createdBot(userId: string, name: string) {
  const [bot] = await t.env.db.select().from(s.bots).where(eq(s.bots.userId, userId));
  expect(bot).toMatchObject({ name, type: 'dca', exchange: 'binance', tradingPair: 'BTC/USDT', timeframe: '5m', paperTrading: true, status: 'active' });
  expect(bot.initialBalance.toFixed()).toBe('2000');
  expect(bot.config).toMatchObject(expectedConfig);
  expect((bot.config as Record<string, unknown>).stopLossPercent).toBeUndefined();
  const [conversation] = await t.env.db.select().from(s.conversations).where(eq(s.conversations.userId, userId));
  expect(conversation.state).toBe('idle'); // the flow is over
  return bot;
}

function isPng(bytes: Buffer) {
  return bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
}

describe('/newbot wizard', () => {
  it('on Telegram, across a restart, with the preview as a photo', async () => {
    const user = 810001;
    expect(await chat.telegram(user, '/newbot')).toMatch(/Which kind of bot/);
    for (const [i, step] of SCRIPT.entries()) {
      if (i === RESTART_AT) chat.restart();
      const said = step.button ? await chat.telegramButton(user, step.answer) : await chat.telegram(user, step.answer);
      expect(said, `after ${step.answer}`).toMatch(step.expect);
    }
    const from = chat.tgApi.reset();
    await chat.telegram(user, 'My DCA');
    const photo = chat.tgApi.calls.slice(from).find((c) => c.method === 'sendPhoto')!;
    expect(photo.body.caption).toMatch(/Backtest of the last 30 days[\s\S]*Return/);
    expect(photo.body.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data)).toEqual(['start', 'create', 'cancel']);
    expect(isPng((Object.values(photo.body).find((v: any) => v?.bytes) as { bytes: Buffer }).bytes)).toBe(true);
    expect(await chat.telegramButton(user, 'start')).toMatch(/Created <b>My DCA<\/b> \(paper, 2000 USDT\)\. It is running/);
    const [owner] = await t.env.db.select().from(s.users).where(eq(s.users.telegramChatId, String(user)));
    await createdBot(owner.id, 'My DCA');
  });

  it('on Discord, with buttons and /answer, across a restart, with the preview attached', async () => {
    const user = '820001';
    expect(await chat.discord(user, 'newbot')).toMatch(/Which kind of bot/);
    for (const [i, step] of SCRIPT.entries()) {
      if (i === RESTART_AT) chat.restart();
      const said = step.button ? await chat.discordButton(user, step.answer) : await chat.discord(user, 'answer', { text: step.answer });
      expect(said, `after ${step.answer}`).toMatch(step.expect);
    }
    const from = chat.dcRest.calls.length;
    expect(await chat.discord(user, 'answer', { text: 'Disco DCA' })).toMatch(/Backtest of the last 30 days/);
    const preview = chat.dcRest.calls.slice(from).find((c) => c.files.length)!;
    expect(preview.files).toEqual(['preview.png']);
    expect(preview.body.embeds[0].image.url).toBe('attachment://preview.png');
    expect(await chat.discordButton(user, 'start')).toMatch(/Created \*\*Disco DCA\*\*/);
    const [owner] = await t.env.db.select().from(s.users).where(eq(s.users.discordUserId, user));
    await createdBot(owner.id, 'Disco DCA');
  });

  it('in the terminal, across a restart, with the preview saved as a PNG', async () => {
    expect(await chat.console('wizard', '/newbot')).toMatch(/Which kind of bot/);
    for (const [i, step] of SCRIPT.entries()) {
      if (i === RESTART_AT) chat.restart();
      expect(await chat.console('wizard', step.answer), `after ${step.answer}`).toMatch(step.expect);
    }
    const preview = await chat.console('wizard', 'Term DCA');
    expect(preview).toMatch(/Backtest of the last 30 days/);
    const file = /\(image saved to (.+preview\.png)\)/.exec(preview)![1];
    expect(isPng(readFileSync(file))).toBe(true);
    expect(await chat.console('wizard', '#1')).toMatch(/Created Term DCA/);
    const [owner] = await t.env.db.select().from(s.users).where(eq(s.users.consoleUserId, 'local:wizard'));
    await createdBot(owner.id, 'Term DCA');
  });
});

describe('/newbot at any step', () => {
  it('/cancel ends it, and an answer after 30 minutes finds it timed out', async () => {
    const user = 811001;
    await chat.telegram(user, '/newbot grid');
    await chat.telegramButton(user, 'okx');
    expect(await chat.telegram(user, '/cancel')).toMatch(/OK, no bot was created/);
    expect(await chat.telegram(user, 'BTC/USDT')).toMatch(/I did not catch that/);
    await chat.telegram(user, '/newbot dca');
    await chat.telegramButton(user, 'bybit');
    expect(await chat.telegram(user, 'LTC/USDT')).toMatch(/Which candles/);
    t.clock.advance(31 * 60_000);
    expect(await chat.telegramButton(user, '5m')).toMatch(/timed out after 30 minutes without an answer, so nothing was created/);
    const [owner] = await t.env.db.select().from(s.users).where(eq(s.users.telegramChatId, String(user)));
    expect(await t.env.db.select().from(s.bots).where(eq(s.bots.userId, owner.id))).toEqual([]);
  });

  it('starts from a template: its settings are the defaults, and keeping them all gives the template config', async () => {
    const answers = ['binance', 'BTC/USDT', '5m'];
    expect(await chat.console('tpl', '/newbot tpl_grid_range')).toMatch(/Template: Grid in a range/);
    for (const a of answers) await chat.console('tpl', a);
    expect(await chat.console('tpl', '17000')).toMatch(/Highest price of the grid: 24000 USDT/); // lowerPrice changed
    expect(await chat.console('tpl', '16000')).toMatch(/upperPrice must be greater than lowerPrice/);
    for (const a of ['#1', '#1', '#1', '#1', 'paper', '#1', 'Range bot']) await chat.console('tpl', a);
    expect(await chat.console('tpl', 'create')).toMatch(/Created Range bot .*Start it when you are ready/);
    const [owner] = await t.env.db.select().from(s.users).where(eq(s.users.consoleUserId, 'local:tpl'));
    const [bot] = await t.env.db.select().from(s.bots).where(eq(s.bots.userId, owner.id));
    expect(bot).toMatchObject({ type: 'grid', status: 'inactive', templateId: 'tpl_grid_range' });
    expect(bot.config).toMatchObject({ lowerPrice: '17000', upperPrice: '24000', gridLevels: 21, mode: 'geometric', investment: '900' });
  });

  it('live needs a connected exchange; with one (and a plan that trades live) the bot is created live', async () => {
    const user = 812001;
    await chat.telegram(user, '/start');
    const [owner] = await t.env.db.update(s.users).set({ subscriptionPlan: 'pro' }).where(eq(s.users.telegramChatId, String(user))).returning();
    await chat.telegram(user, '/newbot ai');
    for (const a of ['binance', 'BTC/USDT', '5m', '40', '20', '3', '6']) await chat.telegram(user, a);
    expect(await chat.telegramButton(user, 'live')).toMatch(/needs your binance account/);
    const markets = { binance: JSON.parse(readFileSync(new URL('../../fixtures/markets/binance.json', import.meta.url), 'utf8')) };
    t.env.exchangeTransport = { fetchImplementation: new FakeVenue('binance').fetch, markets };
    await connectExchange({ ctx: t.ctx(consoleActor(owner.id)), input: { exchange: 'binance', apiKey: 'AKfake0123456789abcdefXYZ', secret: 'SKfake0123456789abcdefSECRET' } });
    expect(await chat.telegramButton(user, 'live')).toMatch(/How much of your USDT on binance may it trade with/);
    await chat.telegram(user, '300');
    await chat.telegram(user, 'Live AI');
    expect(await chat.telegramButton(user, 'create')).toMatch(/Created <b>Live AI<\/b> \(live, 300 USDT\)/);
    const [bot] = await t.env.db.select().from(s.bots).where(eq(s.bots.userId, owner.id));
    expect(bot).toMatchObject({ paperTrading: false, status: 'inactive', exchangeConnectionId: expect.any(String) });
    expect(bot.config).toMatchObject({ minConfidence: 40, positionSizePercent: 20, stopLossPercent: 3, takeProfitPercent: 6 });
  });
});
