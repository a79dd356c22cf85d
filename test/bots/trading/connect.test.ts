/**
 * /connect through the real adapters against a fake exchange at the HTTP level: the Telegram
 * message holding the keys is deleted at once and the keys are never repeated; a key that can
 * withdraw is refused and nothing is stored; Discord asks in a modal; groups are refused.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatRegistry } from '../../../src/bots/commands/index.ts';
import { createDiscordAdapter, DISCORD_INTERACTIONS_PATH } from '../../../src/bots/discord/discord-adapter.ts';
import { createTelegramAdapter } from '../../../src/bots/telegram/telegram-adapter.ts';
import * as s from '../../../src/db/schema/index.ts';
import { createApp } from '../../../src/http/app.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { FakeVenue } from '../../helpers/fake-venue.ts';
import { FakeDiscordRest, InteractionSigner, slash, submitModal } from '../discord/fake-discord.ts';
import { makeEngine } from '../helpers/engine.ts';
import { FakeBotApi, TEST_BOT_INFO, textUpdate } from '../telegram/fake-bot-api.ts';

const t = useTestDatabase();
const api = new FakeBotApi();
const rest = new FakeDiscordRest();
const signer = new InteractionSigner();
const markets = Object.fromEntries(['binance', 'okx', 'bybit'].map((v) => [v, JSON.parse(readFileSync(new URL(`../../fixtures/markets/${v}.json`, import.meta.url), 'utf8'))]));
const API_KEY = 'AKfake0123456789abcdefXYZ';
const SECRET = 'SKfake0123456789abcdefSECRET';

const telegram = () => createTelegramAdapter({ engine: makeEngine(t.env, { registry: createChatRegistry() }), token: '123456:TEST-token-for-the-fake-bot-api-xyz', apiRoot: api.url, botInfo: TEST_BOT_INFO });
const useVenue = (venue: FakeVenue) => (t.env.exchangeTransport = { fetchImplementation: venue.fetch, markets });

async function send(user: number, text: string, group = false) {
  const update = textUpdate(user, text);
  if (group) (update.message.chat as any) = { id: -100555, type: 'supergroup', title: 'Traders' };
  const from = api.reset();
  await telegram().bot.handleUpdate(update as any);
  const calls = api.calls.slice(from);
  return { update, calls, text: api.texts(from).join('\n') };
}

async function connections(platformColumn: 'telegramChatId' | 'discordUserId', id: string) {
  const [user] = await t.env.db.select().from(s.users).where(eq(s.users[platformColumn], id));
  return t.env.db.select().from(s.exchangeConnections).where(eq(s.exchangeConnections.userId, user.id));
}

beforeAll(async () => {
  await api.start();
  await rest.start();
});
afterAll(async () => {
  await api.stop();
  await rest.stop();
});

describe('/connect', () => {
  it('on Telegram, asks for the keys, deletes the message holding them and stores them encrypted', async () => {
    const user = 870001;
    useVenue(new FakeVenue('binance'));
    expect((await send(user, '/connect binance')).text).toMatch(/Send your binance API key and secret in <b>one message<\/b>/);
    const keys = await send(user, `${API_KEY}\n${SECRET}`);
    const deleted = keys.calls.find((c) => c.method === 'deleteMessage')!;
    expect(deleted.body).toMatchObject({ chat_id: user, message_id: keys.update.message.message_id });
    expect(keys.calls.indexOf(deleted)).toBe(0); // before anything else is said
    expect(keys.text).toMatch(/<b>binance is connected\.<\/b> The key can read and trade, cannot withdraw/);
    const everything = JSON.stringify(api.calls);
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(SECRET);
    const [row] = await connections('telegramChatId', String(user));
    expect(row.exchange).toBe('binance');
    expect(row.encryptedApiKey).not.toContain(API_KEY);
    expect(t.env.keyring.decrypt(row.encryptedSecretKey)).toBe(SECRET);
  });

  it('refuses a key that can withdraw, still deleting the message, and stores nothing', async () => {
    const user = 870002;
    useVenue(new FakeVenue('bybit', { permissions: { withdraw: true } }));
    await send(user, '/connect bybit');
    const keys = await send(user, `${API_KEY} ${SECRET}`);
    expect(keys.calls[0].method).toBe('deleteMessage');
    expect(keys.text).toMatch(/Not connected: This bybit key can withdraw funds\. For your safety Tradewire refuses such keys/);
    expect(keys.text).toMatch(/Nothing was stored/);
    expect(keys.text).not.toContain(API_KEY);
    expect(await connections('telegramChatId', String(user))).toEqual([]);
  });

  it('deletes keys typed on the command line too, and asks again on a malformed answer without echoing it', async () => {
    const user = 870003;
    useVenue(new FakeVenue('okx'));
    const inline = await send(user, `/connect okx ${API_KEY} ${SECRET} pass-phrase`);
    expect(inline.calls[0]).toMatchObject({ method: 'deleteMessage', body: { message_id: inline.update.message.message_id } });
    expect(inline.text).toMatch(/okx is connected/);
    await send(user, '/connect binance');
    const wrong = await send(user, 'onlyonewordhere');
    expect(wrong.calls[0].method).toBe('deleteMessage');
    expect(wrong.text).toMatch(/I deleted that message\. I need the key and the secret/);
    expect(wrong.text).not.toContain('onlyonewordhere');
    const short = await send(user, 'abc def');
    expect(short.text).toMatch(/I deleted that message\. API key looks too short/);
    expect((await send(user, '/cancel')).text).toMatch(/nothing was connected/);
  });

  it('deletes a late answer too, after the question expired', async () => {
    const user = 870004;
    useVenue(new FakeVenue('binance'));
    await send(user, '/connect binance');
    t.clock.advance(11 * 60_000);
    const late = await send(user, `${API_KEY}\n${SECRET}`);
    expect(late.calls[0].method).toBe('deleteMessage');
    expect(late.text).toMatch(/timed out, so I deleted your message and stored nothing/);
    expect(await connections('telegramChatId', String(user))).toEqual([]);
  });

  it('refuses in a group, deleting keys posted there', async () => {
    const posted = await send(870005, `/connect binance ${API_KEY} ${SECRET}`, true);
    expect(posted.calls[0].method).toBe('deleteMessage');
    expect(posted.text).toMatch(/Please use \/connect in a private chat/);
    expect((await send(870005, '/connect binance', true)).text).toMatch(/private chat/);
  });

  it('on Discord, asks in a modal and connects on submit', async () => {
    useVenue(new FakeVenue('binance'));
    const dc = createDiscordAdapter({ engine: makeEngine(t.env, { registry: createChatRegistry() }), appId: '1', publicKey: signer.publicKeyHex, botToken: 'test-bot-token-0123456789', apiRoot: rest.url });
    const post = async (interaction: unknown) => {
      const body = JSON.stringify(interaction);
      const res = await createApp(t.env, [dc.mount]).request(DISCORD_INTERACTIONS_PATH, { method: 'POST', headers: signer.headers(body, Math.floor(t.clock.now().getTime() / 1000)), body });
      const json = (await res.json()) as any;
      await dc.drain();
      return json;
    };
    const modal = await post(slash('870010', 'connect', { exchange: 'binance' }));
    expect(modal.type).toBe(9);
    expect(JSON.stringify(modal.data.components)).toMatch(/API key[\s\S]*API secret[\s\S]*Passphrase/);
    const from = rest.calls.length;
    await post(submitModal('870010', modal.data.custom_id, { apikey: API_KEY, secret: SECRET, passphrase: '' }));
    expect(rest.texts(from).join()).toMatch(/\*\*binance is connected\.\*\*/);
    expect(JSON.stringify(rest.calls)).not.toContain(SECRET);
    expect(await connections('discordUserId', '870010')).toHaveLength(1);
    await dc.registerCommands();
    const registered = rest.calls.filter((c) => c.method === 'PUT').at(-1)!.body.find((c: any) => c.name === 'connect');
    expect(registered.options.map((o: any) => o.name)).toEqual(['exchange']); // keys are never slash options
  });
});
