/** The trading commands reach Telegram's command menu, Discord's slash commands and /help, grouped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatRegistry } from '../../../src/bots/commands/index.ts';
import { createDiscordAdapter } from '../../../src/bots/discord/discord-adapter.ts';
import { createTelegramAdapter } from '../../../src/bots/telegram/telegram-adapter.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { FakeDiscordRest, InteractionSigner } from '../discord/fake-discord.ts';
import { ConsoleDriver } from '../helpers/console-driver.ts';
import { makeEngine } from '../helpers/engine.ts';
import { FakeBotApi, TEST_BOT_INFO } from '../telegram/fake-bot-api.ts';

const t = useTestDatabase();
const api = new FakeBotApi();
const rest = new FakeDiscordRest();
const TRADING = ['newbot', 'bots', 'bot', 'templates', 'backtest', 'positions', 'trades', 'profit', 'daily', 'weekly', 'monthly', 'balance', 'performance', 'forceexit', 'chart', 'connect', 'disconnect'];

beforeAll(async () => {
  await api.start();
  await rest.start();
});
afterAll(async () => {
  await api.stop();
  await rest.stop();
});

describe('registration', () => {
  it('publishes every trading command to Telegram and Discord, but not the buttons-only /botdo', async () => {
    const engine = makeEngine(t.env, { registry: createChatRegistry() });
    await createTelegramAdapter({ engine, token: '123456:TEST-token-for-the-fake-bot-api-xyz', apiRoot: api.url, botInfo: TEST_BOT_INFO }).registerCommands();
    const menu = api.sent('setMyCommands').at(-1)!.body.commands.map((c: any) => c.command);
    expect(menu).toEqual(expect.arrayContaining(TRADING));
    expect(menu).not.toContain('botdo');
    await createDiscordAdapter({ engine, appId: '1', publicKey: new InteractionSigner().publicKeyHex, botToken: 'test-bot-token-0123456789', apiRoot: rest.url }).registerCommands();
    const slash = rest.calls.find((c) => c.method === 'PUT')!.body;
    expect(slash.map((c: any) => c.name)).toEqual(expect.arrayContaining([...TRADING, 'answer']));
    expect(slash.find((c: any) => c.name === 'chart').options.map((o: any) => o.name)).toEqual(['pair', 'more']);
  });

  it('groups /help: Start, Bots, Trading, Exchanges, Account, Support, with nothing "arriving" any more', async () => {
    const console = new ConsoleDriver(makeEngine(t.env));
    const help = await console.say('/help');
    const headings = help.split('\n').filter((l) => /^[A-Z][a-z]+$/.test(l));
    expect(headings).toEqual(['Start', 'Bots', 'Trading', 'Exchanges', 'Account', 'Support']);
    expect(help).not.toMatch(/arriving with the trading runtime/);
    expect(await console.say('/help newbot')).toMatch(/Usage: \/newbot \[kind\][\s\S]*backtest of the last 30 days/);
    await console.close();
  });
});
