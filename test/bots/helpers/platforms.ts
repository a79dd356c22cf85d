/**
 * All three adapters on one test database, each against its local fake, with one call per
 * platform that sends something and returns what the person would read back.
 */
import { afterAll, beforeAll } from 'vitest';
import { createChatRegistry } from '../../../src/bots/commands/index.ts';
import type { CommandRegistry } from '../../../src/bots/core/registry.ts';
import { createDiscordAdapter, DISCORD_INTERACTIONS_PATH, type DiscordAdapter } from '../../../src/bots/discord/discord-adapter.ts';
import { createTelegramAdapter, type TelegramAdapter } from '../../../src/bots/telegram/telegram-adapter.ts';
import { createApp } from '../../../src/http/app.ts';
import type { TestContext } from '../../helpers/db.ts';
import { FakeDiscordRest, InteractionSigner, press, slash } from '../discord/fake-discord.ts';
import { buttonUpdate, FakeBotApi, TEST_BOT_INFO, textUpdate } from '../telegram/fake-bot-api.ts';
import { ConsoleDriver } from './console-driver.ts';
import { makeEngine } from './engine.ts';

export interface Platforms {
  tgApi: FakeBotApi;
  dcRest: FakeDiscordRest;
  /** Fresh adapters (as after a restart), optionally with another registry or rate limit. */
  restart(options?: { registry?: CommandRegistry; capacity?: number }): void;
  telegram(userId: number, text: string): Promise<string>;
  telegramButton(userId: number, data: string): Promise<string>;
  discord(userId: string, command: string, options?: Record<string, string>): Promise<string>;
  discordButton(userId: string, customId: string): Promise<string>;
  console(user: string, line: string): Promise<string>;
  closeConsoles(): Promise<void>;
}

export function usePlatforms(t: TestContext): Platforms {
  const tgApi = new FakeBotApi();
  const dcRest = new FakeDiscordRest();
  const signer = new InteractionSigner();
  let tg: TelegramAdapter;
  let dc: DiscordAdapter;
  let consoles = new Map<string, ConsoleDriver>();
  let engineOptions: { registry?: CommandRegistry; capacity?: number } = {};

  const p: Platforms = {
    tgApi,
    dcRest,
    restart(options = {}) {
      engineOptions = options;
      const engine = makeEngine(t.env, { registry: options.registry ?? createChatRegistry(), capacity: options.capacity });
      tg = createTelegramAdapter({ engine, token: '123456:TEST-token-for-the-fake-bot-api-xyz', apiRoot: tgApi.url, botInfo: TEST_BOT_INFO });
      dc = createDiscordAdapter({ engine, appId: '1', publicKey: signer.publicKeyHex, botToken: 'test-bot-token-0123456789', apiRoot: dcRest.url });
      const old = consoles;
      consoles = new Map();
      void Promise.all([...old.values()].map((c) => c.close()));
    },
    async telegram(userId, text) {
      const from = tgApi.reset();
      await tg.bot.handleUpdate(textUpdate(userId, text) as any);
      return tgApi.texts(from).join('\n');
    },
    async telegramButton(userId, data) {
      const from = tgApi.reset();
      await tg.bot.handleUpdate(buttonUpdate(userId, data, 1) as any);
      return tgApi.texts(from).join('\n');
    },
    discord: (userId, command, options = {}) => postDiscord(slash(userId, command, options)),
    discordButton: (userId, customId) => postDiscord(press(userId, customId)),
    async console(user, line) {
      let driver = consoles.get(user);
      if (!driver) {
        driver = new ConsoleDriver(makeEngine(t.env, engineOptions), `local:${user}`);
        consoles.set(user, driver);
      }
      return driver.say(line);
    },
    async closeConsoles() {
      await Promise.all([...consoles.values()].map((c) => c.close()));
      consoles.clear();
    },
  };

  async function postDiscord(interaction: unknown): Promise<string> {
    const body = JSON.stringify(interaction);
    const from = dcRest.calls.length;
    await createApp(t.env, [dc.mount]).request(DISCORD_INTERACTIONS_PATH, { method: 'POST', headers: signer.headers(body, Math.floor(t.clock.now().getTime() / 1000)), body });
    await dc.drain();
    return dcRest.texts(from).join('\n');
  }

  beforeAll(async () => {
    await tgApi.start();
    await dcRest.start();
    p.restart();
  });
  afterAll(async () => {
    await p.closeConsoles();
    await tgApi.stop();
    await dcRest.stop();
  });
  return p;
}
