import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramAdapter, TELEGRAM_WEBHOOK_PATH, webhookSecretFor, type TelegramAdapter } from '../../../src/bots/telegram/telegram-adapter.ts';
import * as s from '../../../src/db/schema/index.ts';
import { createApp } from '../../../src/http/app.ts';
import { z } from 'zod';
import { createChatRegistry } from '../../../src/bots/commands/index.ts';
import { defineCommand } from '../../../src/bots/core/command.ts';
import { bold, reply } from '../../../src/bots/core/reply.ts';
import { renderEquityChart } from '../../../src/services/charts/equity-chart.ts';
import { pruneChatUpdates } from '../../../src/services/chat/prune-chat-updates.ts';
import { systemContext } from '../../../src/services/core/context.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { makeEngine } from '../helpers/engine.ts';
import { buttonUpdate, FakeBotApi, TEST_BOT_INFO, textUpdate } from './fake-bot-api.ts';

const t = useTestDatabase();
const TOKEN = '123456:TEST-token-for-the-fake-bot-api-xyz';
const api = new FakeBotApi();
const examples = JSON.parse(readFileSync(new URL('../../fixtures/telegram_official_webhook_examples.json', import.meta.url), 'utf8'));

// Commands another module would register: a chart image, a progress message edited in place,
// and a private command that deletes the message carrying a secret.
const extras = [
  defineCommand({
    name: 'chartdemo',
    description: 'Test: a chart image',
    async handler() {
      const points = Array.from({ length: 30 }, (_, i) => ({ time: Date.UTC(2026, 0, i + 1), equity: 1000 + i * 5 }));
      return reply(`${bold('Equity')} over 30 days`, { image: { png: await renderEquityChart({ title: 'Equity', points }, { width: 400, height: 240 }) }, buttons: [[{ label: 'Again', send: '/chartdemo' }]] });
    },
  }),
  defineCommand({
    name: 'progressdemo',
    description: 'Test: progress edited in place',
    async handler(c) {
      const ref = await c.send(reply('Backtest: 0%'));
      await c.edit(ref, reply('Backtest: 50%'));
      await c.edit(ref, reply('Backtest: done'));
    },
  }),
  defineCommand({
    name: 'secretdemo',
    description: 'Test: private, deletes the input',
    privateOnly: true,
    args: z.object({ key: z.string().min(8) }),
    positional: ['key'],
    async handler(c) {
      await c.deleteInput();
      return reply(`Stored a key ending in ${c.args.key.slice(-4)}.`);
    },
  }),
];

function adapter(): TelegramAdapter {
  // A new adapter and engine on the same database is what a restarted process has.
  const registry = createChatRegistry().add(...extras);
  return createTelegramAdapter({ engine: makeEngine(t.env, { registry }), token: TOKEN, apiRoot: api.url, botInfo: TEST_BOT_INFO, maxRetryDelaySeconds: 5 });
}

function post(tg: TelegramAdapter, update: unknown, secret = webhookSecretFor(TOKEN)) {
  const app = createApp(t.env, [tg.mount]);
  return app.request(TELEGRAM_WEBHOOK_PATH, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
}

beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
});

describe('Telegram adapter', () => {
  it('answers the official /start example through the webhook, with HTML and an inline keyboard', async () => {
    const tg = adapter();
    const res = await post(tg, examples.updates.message_text_start_minimal);
    expect(res.status).toBe(200);
    const sent = api.sent().at(-1)!;
    expect(sent.body.chat_id).toBe(1111111);
    expect(sent.body.parse_mode).toBe('HTML');
    expect(sent.body.text).toContain('<b>Welcome to Tradewire.</b>');
    expect(sent.body.reply_markup.inline_keyboard.flat().map((b: any) => b.callback_data)).toContain('/settings');
  });

  it('refuses a webhook call without the secret token', async () => {
    const before = api.reset();
    const res = await post(adapter(), textUpdate(42, '/help'), 'wrong');
    expect(res.status).toBe(401);
    expect(api.calls.length).toBe(before);
  });

  it('ignores a repeated update_id, even in a restarted process', async () => {
    const update = textUpdate(777001, '/help');
    await post(adapter(), update);
    const before = api.reset();
    await post(adapter(), update);
    await adapter().bot.handleUpdate(update as any);
    expect(api.calls.length).toBe(before);
    // A week later the id is forgotten (Telegram stopped resending long before).
    t.clock.advance(8 * 24 * 3600_000);
    expect((await pruneChatUpdates({ ctx: systemContext(t.env, 'test'), input: {} })).deleted).toBeGreaterThan(0);
    t.clock.set('2026-03-02T09:00:00Z');
  });

  it('records referral and UTM from the /start deep link', async () => {
    const tg = adapter();
    await tg.bot.handleUpdate(textUpdate(777010, '/start') as any);
    const [referrer] = await t.env.db.select().from(s.users).where(eq(s.users.telegramChatId, '777010'));
    await tg.bot.handleUpdate(textUpdate(777011, `/start ref_${referrer.referralCode}_utm_source-tiktok_campaign-spring`) as any);
    const [joined] = await t.env.db.select().from(s.users).where(eq(s.users.telegramChatId, '777011'));
    expect(joined.utmSourceFirst).toBe('tiktok');
    expect(joined.utmCampaignLast).toBe('spring');
    const [referral] = await t.env.db.select().from(s.referrals).where(eq(s.referrals.referredId, joined.id));
    expect(referral.referrerId).toBe(referrer.id);
    expect(referral.code).toMatch(new RegExp(`^${referrer.referralCode}-[A-Z0-9]{6}$`));
    expect(api.texts().at(-1)).toContain('friend');
    const [contact] = await t.env.db.select().from(s.botUsers).where(eq(s.botUsers.userId, joined.id));
    expect(contact.tenantId).toBe('default');
  });

  it('runs the /support flow across a restart, with buttons', async () => {
    const user = 777020;
    await adapter().bot.handleUpdate(textUpdate(user, '/support new') as any);
    const prompt = api.sent().at(-1)!;
    expect(prompt.body.text).toContain('What is it about?');
    await adapter().bot.handleUpdate(buttonUpdate(user, 'technical', prompt.body.message_id ?? 1) as any);
    expect(api.texts().at(-1)).toContain('In a few words');
    await adapter().bot.handleUpdate(textUpdate(user, 'Bot <b>stopped</b> & won\'t start') as any);
    // the process restarts here
    const restarted = adapter();
    await restarted.bot.handleUpdate(textUpdate(user, 'It says error 42 since yesterday.') as any);
    expect(api.texts().at(-1)).toMatch(/Ticket <b>#[a-z0-9]{6}<\/b> is open/);
    const [owner] = await t.env.db.select().from(s.users).where(eq(s.users.telegramChatId, String(user)));
    const [ticket] = await t.env.db.select().from(s.supportTickets).where(eq(s.supportTickets.userId, owner.id));
    expect(ticket).toMatchObject({ category: 'technical', subject: 'Bot <b>stopped</b> & won\'t start' });
    await restarted.bot.handleUpdate(textUpdate(user, `/support view ${ticket.id}`) as any);
    expect(api.texts().at(-1)).toContain('Bot &lt;b&gt;stopped&lt;/b&gt; &amp; won');
  });

  it('edits the settings panel in place when a button is pressed', async () => {
    const user = 777030;
    const tg = adapter();
    await tg.bot.handleUpdate(textUpdate(user, '/settings notifications') as any);
    const panel = api.sent().at(-1)!;
    const toggle = panel.body.reply_markup.inline_keyboard.flat().find((b: any) => String(b.callback_data).startsWith('/settings notify trades'));
    const before = api.reset();
    await tg.bot.handleUpdate(buttonUpdate(user, toggle.callback_data, 555) as any);
    const calls = api.calls.slice(before).map((c) => c.method);
    expect(calls).toContain('answerCallbackQuery');
    const edit = api.calls.slice(before).find((c) => c.method === 'editMessageText')!;
    expect(edit.body.message_id).toBe(555);
    expect(edit.body.text).toContain('Trades: off');
  });

  it('waits out a 429 with retry_after and still answers', async () => {
    api.tooManyRequests('sendMessage', 1);
    const before = api.reset();
    await adapter().bot.handleUpdate(textUpdate(777040, '/help') as any);
    const attempts = api.calls.slice(before).filter((c) => c.method === 'sendMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(900);
  });

  it('registers the command menu and reports a blocked chat as blocked', async () => {
    const tg = adapter();
    await tg.registerCommands();
    const menu = api.sent('setMyCommands').at(-1)!;
    expect(menu.body.commands.map((c: any) => c.command)).toEqual(expect.arrayContaining(['start', 'help', 'settings', 'support', 'link', 'cancel']));
    api.blockedChats.add('888');
    await expect(tg.sender.send('888', { text: 'hi' })).rejects.toMatchObject({ blocked: true });
  });

  it('sends a chart as a photo with an HTML caption and buttons', async () => {
    const before = api.reset();
    await adapter().bot.handleUpdate(textUpdate(777050, '/chartdemo') as any);
    const photo = api.calls.slice(before).find((c) => c.method === 'sendPhoto')!;
    expect(photo.body.caption).toBe('<b>Equity</b> over 30 days');
    expect(photo.body.reply_markup.inline_keyboard[0][0].callback_data).toBe('/chartdemo');
    const file = Object.values(photo.body).find((v: any) => v?.bytes) as { bytes: Buffer };
    expect([...file.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('edits a progress message in place', async () => {
    const before = api.reset();
    await adapter().bot.handleUpdate(textUpdate(777060, '/progressdemo') as any);
    const calls = api.calls.slice(before).filter((c) => c.method !== 'answerCallbackQuery');
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'editMessageText', 'editMessageText']);
    expect(calls[2].body.text).toBe('Backtest: done');
    expect(calls[1].body.message_id).toEqual(expect.any(Number));
    expect(calls[2].body.message_id).toBe(calls[1].body.message_id);
  });

  it('deletes the message that carried a secret, and refuses such commands in groups', async () => {
    const before = api.reset();
    const update = textUpdate(777070, '/secretdemo sk-live-123456789');
    await adapter().bot.handleUpdate(update as any);
    const calls = api.calls.slice(before);
    expect(calls.find((c) => c.method === 'deleteMessage')!.body).toMatchObject({ chat_id: 777070, message_id: update.message.message_id });
    expect(api.texts(before).join()).toContain('ending in 6789');
    const group = textUpdate(777071, '/secretdemo sk-live-123456789');
    (group.message.chat as any) = { id: -100777, type: 'supergroup', title: 'Traders' };
    const from = api.reset();
    await adapter().bot.handleUpdate(group as any);
    expect(api.texts(from).join()).toContain('private chat');
    expect(api.calls.slice(from).some((c) => c.method === 'deleteMessage')).toBe(false);
  });

  it('in a group, ignores chatter and commands addressed to another bot', async () => {
    const inGroup = (text: string) => {
      const u = textUpdate(777080, text);
      (u.message.chat as any) = { id: -100888, type: 'supergroup', title: 'Traders' };
      return u;
    };
    const from = api.reset();
    await adapter().bot.handleUpdate(inGroup('good morning everyone') as any);
    await adapter().bot.handleUpdate(inGroup('/help@some_other_bot') as any);
    expect(api.texts(from)).toEqual([]);
    await adapter().bot.handleUpdate(inGroup('/help@tradewire_test_bot') as any);
    expect(api.texts(from).join()).toContain('/settings');
  });
});
