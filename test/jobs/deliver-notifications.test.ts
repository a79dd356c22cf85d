import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../src/bots/telegram/telegram-adapter.ts';
import { createDiscordAdapter } from '../../src/bots/discord/discord-adapter.ts';
import * as s from '../../src/db/schema/index.ts';
import { deliverPendingNotifications } from '../../src/jobs/deliver-notifications.ts';
import { systemContext, type Actor } from '../../src/services/core/context.ts';
import { resolveChatUser } from '../../src/services/identity/resolve-chat-user.ts';
import { updateChatSettings, type SettingsChange } from '../../src/services/identity/update-chat-settings.ts';
import { raiseNotification, type RaiseNotification } from '../../src/services/notifications/raise-notification.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { makeEngine } from '../bots/helpers/engine.ts';
import { FakeBotApi, TEST_BOT_INFO } from '../bots/telegram/fake-bot-api.ts';
import { FakeDiscordRest, InteractionSigner } from '../bots/discord/fake-discord.ts';

const t = useTestDatabase();
const tgApi = new FakeBotApi();
const dcRest = new FakeDiscordRest();
let senders: Parameters<typeof deliverPendingNotifications>[1];
let chatSeq = 950_000;

beforeAll(async () => {
  await tgApi.start();
  await dcRest.start();
  const engine = makeEngine(t.env);
  const tg = createTelegramAdapter({ engine, token: '123456:TEST-token-for-the-fake-bot-api-xyz', apiRoot: tgApi.url, botInfo: TEST_BOT_INFO });
  const dc = createDiscordAdapter({ engine, appId: '1', publicKey: new InteractionSigner().publicKeyHex, botToken: 'test-bot-token-0123456789', apiRoot: dcRest.url });
  senders = { telegram: tg.sender, discord: dc.sender };
});
afterAll(async () => {
  await tgApi.stop();
  await dcRest.stop();
});

async function telegramUser(settings: SettingsChange = {}): Promise<{ id: string; chat: string }> {
  const chat = String(chatSeq++);
  const user = await resolveChatUser({ ctx: systemContext(t.env, 'test'), input: { platform: 'telegram', platformUserId: chat, chatId: chat } });
  const actor: Actor = { kind: 'telegram', userId: user!.userId, role: 'user', platformUserId: chat, chatId: chat };
  if (Object.keys(settings).length) await updateChatSettings({ ctx: t.ctx(actor), input: settings });
  return { id: user!.userId, chat };
}

async function raise(userId: string, n: Partial<RaiseNotification> = {}): Promise<string> {
  return raiseNotification(t.env.db, { userId, type: 'TRADE_EXECUTED', title: 'Bought BTC/USDT', message: '0.01 BTC at 64,000', now: t.clock.now(), ...n });
}

const row = async (id: string) => (await t.env.db.select().from(s.notifications).where(eq(s.notifications.id, id)))[0];
const sentTo = (chat: string, from: number) => tgApi.calls.slice(from).filter((c) => c.method === 'sendMessage' && String(c.body.chat_id) === chat);
const run = () => deliverPendingNotifications(t.env, senders);

describe('notification delivery', () => {
  it('holds normal alerts through quiet hours in the user\'s time zone, but not critical ones', async () => {
    t.clock.set('2026-03-02T21:30:00Z'); // 22:30 in Berlin
    const u = await telegramUser({ timezone: 'Europe/Berlin', quietHours: { start: 22, end: 7 } });
    const from = tgApi.reset();
    const normal = await raise(u.id);
    const critical = await raise(u.id, { type: 'STOP_LOSS_HIT', title: 'Stop loss hit', message: 'BTC/USDT closed at -2%', priority: 'CRITICAL' });
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(1);
    expect(sentTo(u.chat, from)[0].body.text).toContain('Stop loss hit');
    expect((await row(critical)).delivered).toBe(true);
    expect((await row(normal)).delivered).toBe(false);

    t.clock.set('2026-03-03T05:30:00Z'); // 06:30 in Berlin: still quiet
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(1);
    t.clock.set('2026-03-03T06:05:00Z'); // 07:05 in Berlin
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(2);
    expect(await row(normal)).toMatchObject({ delivered: true, deliveredAt: new Date('2026-03-03T06:05:00Z'), attempts: 1 });
  });

  it('batches an hourly digest into one message at the top of the hour', async () => {
    const u = await telegramUser({ digest: 'hourly' });
    const from = tgApi.reset();
    const ids: string[] = [];
    for (const at of ['10:10', '10:20', '10:40']) {
      t.clock.set(`2026-03-04T${at}:00Z`);
      ids.push(await raise(u.id, { title: `Fill ${at}` }));
    }
    t.clock.set('2026-03-04T10:45:00Z');
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(0);
    t.clock.set('2026-03-04T11:00:30Z');
    await run();
    const sent = sentTo(u.chat, from);
    expect(sent).toHaveLength(1);
    expect(sent[0].body.text).toContain('hourly digest: 3 updates');
    for (const id of ids) expect((await row(id)).delivered).toBe(true);
  });

  it('sends a daily digest after 08:00 in the user\'s time zone', async () => {
    const u = await telegramUser({ digest: 'daily', timezone: 'Asia/Jakarta' }); // UTC+7
    const from = tgApi.reset();
    t.clock.set('2026-03-05T09:00:00Z');
    await raise(u.id, { title: 'Afternoon fill' });
    t.clock.set('2026-03-05T12:00:00Z');
    await raise(u.id, { title: 'Evening fill' });
    t.clock.set('2026-03-05T20:00:00Z'); // 03:00 next day in Jakarta
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(0);
    t.clock.set('2026-03-06T01:05:00Z'); // 08:05 in Jakarta
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(1);
    expect(sentTo(u.chat, from)[0].body.text).toContain('daily digest: 2 updates');
  });

  it('respects critical-only and per-type switches', async () => {
    t.clock.set('2026-03-06T12:00:00Z');
    const u = await telegramUser({ criticalOnly: true });
    const v = await telegramUser({ trades: false });
    const muted = await raise(u.id);
    const mutedTrade = await raise(v.id);
    const ticket = await raise(v.id, { type: 'TICKET_MESSAGE', title: 'Support replied', message: 'Try restarting the bot.', metadata: { ticketId: 'abcdef123456' } });
    const from = tgApi.reset();
    await run();
    expect((await row(muted)).failureReason).toBe('skipped: muted by preferences');
    expect((await row(mutedTrade)).failureReason).toBe('skipped: muted by preferences');
    const sent = sentTo(v.chat, from);
    expect(sent).toHaveLength(1);
    expect(sent[0].body.reply_markup.inline_keyboard[0][0].callback_data).toBe('/support view abcdef123456');
    expect((await row(ticket)).delivered).toBe(true);
  });

  it('marks a user who blocked the bot unreachable and stops trying', async () => {
    t.clock.set('2026-03-07T12:00:00Z');
    const u = await telegramUser();
    tgApi.blockedChats.add(u.chat);
    const first = await raise(u.id);
    await run();
    expect((await row(first)).failureReason).toBe('unreachable: the user blocked the bot');
    const [user] = await t.env.db.select().from(s.users).where(eq(s.users.id, u.id));
    expect(user.telegramBlockedAt).toEqual(t.clock.now());
    const from = tgApi.reset();
    const second = await raise(u.id);
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(0);
    expect((await row(second)).failureReason).toBe('unreachable: the user blocked the bot');
    // Writing to the bot again makes the chat reachable.
    await resolveChatUser({ ctx: systemContext(t.env, 'test'), input: { platform: 'telegram', platformUserId: u.chat, chatId: u.chat } });
    const [after] = await t.env.db.select().from(s.users).where(eq(s.users.id, u.id));
    expect(after.telegramBlockedAt).toBeNull();
  });

  it('retries a failed send with backoff and gives up after five attempts', async () => {
    t.clock.set('2026-03-08T12:00:00Z');
    const u = await telegramUser();
    const id = await raise(u.id);
    for (let i = 0; i < 5; i++) {
      tgApi.failNext('sendMessage', { error_code: 400, description: 'Bad Request: message text is empty' });
      await run();
      t.clock.advance(2 * 3600_000);
    }
    const r = await row(id);
    expect(r.attempts).toBe(5);
    expect(r.delivered).toBe(false);
    expect(r.failureReason).toMatch(/^gave up after 5 attempts: telegram 400/);
    const from = tgApi.reset();
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(0);
  });

  it('reaches both linked apps', async () => {
    t.clock.set('2026-03-09T12:00:00Z');
    const u = await telegramUser();
    await t.env.db.update(s.users).set({ discordUserId: '5550001' }).where(eq(s.users.id, u.id));
    await t.env.db.update(s.notificationPreferences).set({ discordEnabled: true }).where(eq(s.notificationPreferences.userId, u.id));
    const from = tgApi.reset();
    const dcFrom = dcRest.calls.length;
    const id = await raise(u.id);
    await run();
    expect(sentTo(u.chat, from)).toHaveLength(1);
    expect(dcRest.calls.slice(dcFrom).map((c) => c.path)).toEqual(['/users/@me/channels', '/channels/dm-5550001/messages']);
    expect((await row(id)).delivered).toBe(true);
  });
});
