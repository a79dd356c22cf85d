import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { usePlatforms } from './helpers/platforms.ts';

const t = useTestDatabase();
const chat = usePlatforms(t);
const linkCode = (text: string) => /VGL-[A-Z0-9]{4}/.exec(text)![0];
const userBy = async (column: 'telegramChatId' | 'discordUserId' | 'consoleUserId', value: string) => (await t.env.db.select().from(s.users).where(eq(s.users[column], value)))[0];

describe('cross-platform /link', () => {
  it('joins a Telegram and a Discord identity into one user', async () => {
    await chat.telegram(610001, '/start');
    const issued = await chat.telegram(610001, '/link');
    expect(issued).toMatch(/Your link code is <b>VGL-[A-Z0-9]{4}<\/b>/);
    await chat.discord('710001', 'start');
    const folded = await userBy('discordUserId', '710001');
    const linked = await chat.discord('710001', 'link', { code: linkCode(issued).toLowerCase() });
    expect(linked).toContain('Linked. This account now works in Telegram, Discord');
    const survivor = await userBy('telegramChatId', '610001');
    expect(survivor.discordUserId).toBe('710001');
    const [tombstone] = await t.env.db.select().from(s.users).where(eq(s.users.id, folded.id));
    expect(tombstone).toMatchObject({ status: 'disabled', discordUserId: null, preferences: { mergedInto: survivor.id } });
    const [prefs] = await t.env.db.select().from(s.notificationPreferences).where(eq(s.notificationPreferences.userId, survivor.id));
    expect(prefs).toMatchObject({ telegramEnabled: true, discordEnabled: true });
    // Both chats now see the same settings.
    await chat.discord('710001', 'settings', { section: 'currency', key: 'EUR' });
    expect(await chat.telegram(610001, '/settings')).toContain('Display currency: EUR');
    // The code worked once.
    await chat.console('linker', '/start');
    expect(await chat.console('linker', `/link ${linkCode(issued)}`)).toContain('wrong, used or expired');
  });

  it('keeps the account that has data and refuses when both have some', async () => {
    await chat.console('ana', '/support new');
    await chat.console('ana', 'general');
    await chat.console('ana', 'Where are my reports?');
    await chat.console('ana', 'They stopped coming.');
    const code = linkCode(await chat.telegram(610002, '/link'));
    expect(await chat.console('ana', `/link ${code}`)).toContain('Linked');
    const ana = await userBy('consoleUserId', 'local:ana');
    expect(ana.telegramChatId).toBe('610002'); // the console account had a ticket: it survived

    await chat.discord('710003', 'support', { action: 'new' });
    await chat.discordButton('710003', 'billing');
    await chat.discord('710003', 'answer', { text: 'Refund please' });
    await chat.discord('710003', 'answer', { text: 'Charged twice.' });
    const second = linkCode(await chat.discord('710003', 'link'));
    expect(await chat.console('ana', `/link ${second}`)).toContain('Both accounts already have their own data');
    expect((await userBy('discordUserId', '710003')).status).toBe('active');
  });

  it('refuses same-app, expired and malformed codes', async () => {
    const code = linkCode(await chat.telegram(610004, '/link'));
    expect(await chat.telegram(610005, `/link ${code}`)).toContain('Send it in the other app');
    t.clock.advance(11 * 60_000);
    expect(await chat.discord('710004', 'link', { code })).toContain('wrong, used or expired');
    expect(await chat.discord('710004', 'link', { code: 'VGL-12' })).toContain('A link code looks like VGL-7K2Q');
  });
});

describe('isolation between users', () => {
  it('user B cannot see, reply to or close user A\'s ticket by guessing its id', async () => {
    await chat.telegram(620001, '/support new');
    await chat.telegramButton(620001, 'technical');
    await chat.telegram(620001, 'A private problem');
    await chat.telegram(620001, 'My balance is 12,345 USDT.');
    const a = await userBy('telegramChatId', '620001');
    const [ticket] = await t.env.db.select().from(s.supportTickets).where(eq(s.supportTickets.userId, a.id));
    for (const attempt of [`/support view ${ticket.id}`, `/support view ${ticket.id.slice(-6)}`, `/support view #${ticket.id.slice(-8)}`, `/support reply ${ticket.id} hijack`, `/support reply ${ticket.id}`, `/support close ${ticket.id}`]) {
      const answer = await chat.console('mallory', attempt);
      expect(answer, attempt).toContain('could not find that ticket');
      expect(answer).not.toContain('12,345');
    }
    const messages = await t.env.db.select().from(s.ticketMessages).where(eq(s.ticketMessages.ticketId, ticket.id));
    expect(messages).toHaveLength(1);
    expect((await t.env.db.select().from(s.supportTickets).where(eq(s.supportTickets.id, ticket.id)))[0].status).toBe('open');
    // …while A can.
    expect(await chat.telegram(620001, `/support view ${ticket.id.slice(-6)}`)).toContain('12,345 USDT');
  });

  it('settings commands only ever change the sender\'s own settings', async () => {
    await chat.telegram(620002, '/settings currency GBP');
    const a = await userBy('telegramChatId', '620002');
    await chat.console('mallory', `/settings currency JPY ${a.id}`);
    await chat.console('mallory', `/settings notify telegram off ${a.id}`);
    expect((await userBy('telegramChatId', '620002')).currency).toBe('GBP');
    const [prefs] = await t.env.db.select().from(s.notificationPreferences).where(eq(s.notificationPreferences.userId, a.id));
    expect(prefs.telegramEnabled).toBe(true);
  });
});

describe('guards', () => {
  it('answers every command with the maintenance message, on every platform, without creating accounts', async () => {
    await t.env.db.update(s.systemSettings).set({ maintenanceMode: true, maintenanceMessage: 'Back at 10:00 UTC: upgrading the database.' });
    try {
      expect(await chat.telegram(630001, '/start')).toContain('Back at 10:00 UTC');
      expect(await chat.discord('730001', 'help')).toContain('Back at 10:00 UTC');
      expect(await chat.console('maint', '/settings')).toContain('Back at 10:00 UTC');
      expect(await chat.console('maint', 'hello')).toContain('Back at 10:00 UTC');
      expect(await userBy('telegramChatId', '630001')).toBeUndefined();
      // Staff keep working during maintenance.
      await t.env.db.insert(s.users).values({ consoleUserId: 'local:staff', role: 'admin' });
      expect(await chat.console('staff', '/help')).toContain('/settings');
    } finally {
      await t.env.db.update(s.systemSettings).set({ maintenanceMode: false, maintenanceMessage: null });
    }
    expect(await chat.telegram(630001, '/start')).toContain('Welcome');
  });

  it('refuses banned and suspended users plainly, and lets a lapsed suspension through', async () => {
    await chat.console('banned', '/start');
    await t.env.db.update(s.users).set({ status: 'banned', bannedAt: t.clock.now() }).where(eq(s.users.consoleUserId, 'local:banned'));
    expect(await chat.console('banned', '/help')).toContain('Your account has been banned');
    expect(await chat.console('banned', '/support new')).toContain('banned');
    const until = new Date(t.clock.now().getTime() + 3600_000);
    await t.env.db.update(s.users).set({ status: 'suspended', suspendedUntil: until }).where(eq(s.users.consoleUserId, 'local:banned'));
    expect(await chat.console('banned', '/help')).toContain('suspended until');
    t.clock.advance(2 * 3600_000);
    expect(await chat.console('banned', '/help')).toContain('/settings');
    const tickets = await t.env.db.select().from(s.supportTickets).innerJoin(s.users, eq(s.users.id, s.supportTickets.userId)).where(eq(s.users.consoleUserId, 'local:banned'));
    expect(tickets).toHaveLength(0);
  });

  it('rate-limits a chat that floods, says so once, then recovers', async () => {
    chat.restart({ capacity: 3 });
    try {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await chat.console('flood', '/help'));
      expect(answers.slice(0, 3).every((a) => a.includes('/settings'))).toBe(true);
      expect(answers[3]).toContain('faster than I can read');
      expect(answers[4]).toBe('');
      t.clock.advance(2_000);
      expect(await chat.console('flood', '/help')).toContain('/settings');
    } finally {
      chat.restart();
    }
  });

  it('applies two quick answers to a conversation in turn, losing neither', async () => {
    await chat.telegram(640001, '/settings quiet');
    await Promise.all([chat.telegram(640001, '22'), chat.telegram(640001, '7')]);
    const u = await userBy('telegramChatId', '640001');
    const [flow] = await t.env.db.select().from(s.conversations).where(and(eq(s.conversations.userId, u.id), eq(s.conversations.platform, 'telegram')));
    expect(flow.step).toBe('confirm');
    expect(flow.state).toBe('awaiting_confirmation');
    expect(new Set(Object.values(flow.context as object))).toEqual(new Set([22, 7]));
    expect(flow.version).toBe(3);
  });

  it('/cancel stops a flow at any step, and an expired step says so', async () => {
    await chat.console('canceller', '/support new');
    await chat.console('canceller', 'billing');
    expect(await chat.console('canceller', '/cancel')).toContain('no ticket was opened');
    expect(await chat.console('canceller', 'Some subject')).toContain('did not catch that');
    expect(await chat.console('canceller', '/cancel')).toContain('nothing to cancel');
    await chat.console('canceller', '/settings timezone');
    t.clock.advance(16 * 60_000);
    expect(await chat.console('canceller', 'Europe/Berlin')).toContain('timed out');
    expect((await userBy('consoleUserId', 'local:canceller')).timezone).toBeNull();
  });
});
