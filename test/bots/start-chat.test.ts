/** startChat: which adapters run, from the configuration alone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat } from '../../src/bots/start-chat.ts';
import { TELEGRAM_WEBHOOK_PATH, webhookSecretFor } from '../../src/bots/telegram/telegram-adapter.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/app.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { FakeBotApi, textUpdate } from './telegram/fake-bot-api.ts';

const t = useTestDatabase();
const api = new FakeBotApi();
const TOKEN = '123456:TEST-token-for-the-fake-bot-api-xyz';

beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
});

async function until(check: () => boolean, timeoutMs = 10_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('startChat', () => {
  it('runs Telegram by webhook when PUBLIC_URL is set', async () => {
    const env = { ...t.env, config: loadConfig({ NODE_ENV: 'test', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, PUBLIC_URL: 'https://tw.example' }) };
    const chat = await startChat(env, { role: 'all' });
    await until(() => api.sent('setWebhook').length > 0);
    expect(api.sent('setWebhook')[0].body).toMatchObject({ url: 'https://tw.example/telegram/webhook', secret_token: webhookSecretFor(TOKEN) });
    expect(api.sent('setMyCommands')).toHaveLength(1);
    expect(chat.senders.telegram).toBeDefined();
    expect(chat.senders.discord).toBeUndefined();
    const from = api.reset();
    const res = await createApp(env, chat.mounts).request(TELEGRAM_WEBHOOK_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecretFor(TOKEN) },
      body: JSON.stringify(textUpdate(660001, '/help')),
    });
    expect(res.status).toBe(200);
    expect(api.texts(from).join()).toContain('/settings');
    await chat.stop();
  });

  it('long-polls when there is no PUBLIC_URL', async () => {
    const env = { ...t.env, config: loadConfig({ NODE_ENV: 'test', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url }) };
    const chat = await startChat(env, { role: 'all' });
    expect(chat.mounts).toHaveLength(0);
    api.pendingUpdates.push(textUpdate(660002, '/start'));
    await until(() => api.sent().some((c) => c.body.chat_id === 660002));
    expect(api.sent('deleteWebhook')).not.toHaveLength(0);
    await chat.stop();
  });

  it('keeps Discord off unless all three variables are set', async () => {
    const partial = { ...t.env, config: loadConfig({ NODE_ENV: 'test', DISCORD_APP_ID: '123456789', DISCORD_BOT_TOKEN: 'x'.repeat(30) }) };
    expect((await startChat(partial, { role: 'all' })).senders.discord).toBeUndefined();
    const full = { ...t.env, config: loadConfig({ NODE_ENV: 'test', DISCORD_APP_ID: '123456789', DISCORD_BOT_TOKEN: 'x'.repeat(30), DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_API_ROOT: api.url }) };
    const chat = await startChat(full, { role: 'worker' });
    expect(chat.senders.discord).toBeDefined();
    expect(chat.mounts).toHaveLength(0); // workers receive no interactions
  });
});
