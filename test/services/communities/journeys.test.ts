/**
 * A journey through the tenant's bot webhook and the fake Bot API: deep link start, a question
 * whose answer is stored, a delay resumed by the scheduled-messages job (ManualClock), and a
 * keyword trigger; /cancel drops what was scheduled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { createJourney } from '../../../src/services/journeys/create-journey.ts';
import { sendDueJourneyMessages } from '../../../src/services/journeys/send-due-journey-messages.ts';
import { connectTenantBot } from '../../../src/services/tenants/connect-tenant-bot.ts';
import { ensureStaff, makeTenant, staffActor, systemActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.ts';

const t = useTestDatabase({ config: { PUBLIC_URL: 'https://tw.example.com' } });
let tg: FakeTelegram;
let secret = '';
let updateId = 100;
const CHAT = 777;

async function say(text: string, chat = CHAT) {
  const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] : undefined;
  const res = await createApp(t.env).request('/telegram/journeyco/message_bot', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: JSON.stringify({ update_id: updateId++, message: { message_id: updateId, date: 1, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'Sam' }, text, entities } }),
  });
  expect(res.status).toBe(200);
}
const replies = (chat = CHAT) => tg.calledWith('sendMessage').filter((c) => c.payload.chat_id === chat).map((c) => c.payload.text as string);
const session = async () => (await t.database.pool.query(`select * from journey_user_sessions where tenant_id = 'journeyco' order by started_at desc limit 1`)).rows[0];

beforeAll(async () => {
  await ensureStaff(t);
  tg = await startFakeTelegram();
  t.env.config = { ...t.env.config, TELEGRAM_API_ROOT: tg.apiRoot };
  await makeTenant(t, 'journeyco');
  await connectTenantBot({ ctx: t.ctx(staffActor), input: { tenantId: 'journeyco', botRole: 'message_bot', token: '444444:DDDDDDDDDDDDDDDDDDDDDDDDDDDDDD' } });
  secret = tg.calledWith('setWebhook')[0].payload.secret_token;
  await createJourney({
    ctx: t.ctx(staffActor),
    input: {
      tenantId: 'journeyco',
      name: 'Onboarding',
      triggers: [{ type: 'deep_link', payload: 'welcome' }, { type: 'keyword', keyword: 'Start Trading' }],
      steps: [
        { type: 'message', text: 'Welcome to the community!' },
        { type: 'question', text: 'What do you trade?', key: 'market' },
        { type: 'message', text: 'Great choice.' },
        { type: 'delay', seconds: 3600 },
        { type: 'message', text: 'An hour later: here is our free guide.' },
        { type: 'wait_for_reply', text: 'Reply with anything to finish.' },
        { type: 'message', text: 'All done!' },
      ],
    },
  });
});
afterAll(() => tg?.close());

describe('journeys', () => {
  it('runs a deep-link journey with a question and a delay', async () => {
    await say('/start welcome');
    expect(replies()).toEqual(['Welcome to the community!', 'What do you trade?']);
    expect(await session()).toMatchObject({ status: 'awaiting_reply', telegram_chat_id: String(CHAT) });
    expect((await t.database.pool.query(`select count(*)::int as n from bot_users where tenant_id = 'journeyco' and chat_id = $1`, [CHAT])).rows[0].n).toBe(1);

    await say('Gold');
    expect(replies().slice(2)).toEqual(['Great choice.']);
    const waiting = await session();
    expect(waiting).toMatchObject({ status: 'waiting_delay', answers: { market: 'Gold' } });
    const scheduled = (await t.database.pool.query(`select * from journey_scheduled_messages where session_id = $1`, [waiting.id])).rows;
    expect(scheduled).toHaveLength(1);
    expect(new Date(scheduled[0].scheduled_for).getTime()).toBe(t.clock.now().getTime() + 3_600_000);

    t.clock.advance(3_599_000);
    expect(await sendDueJourneyMessages({ ctx: t.ctx(systemActor), input: {} })).toEqual({ resumed: 0, sent: 0 });
    t.clock.advance(1000);
    expect(await sendDueJourneyMessages({ ctx: t.ctx(systemActor), input: {} })).toEqual({ resumed: 1, sent: 2 });
    expect(replies().slice(3)).toEqual(['An hour later: here is our free guide.', 'Reply with anything to finish.']);
    expect(await sendDueJourneyMessages({ ctx: t.ctx(systemActor), input: {} })).toEqual({ resumed: 0, sent: 0 });
    expect((await t.database.pool.query(`select status, sent_at from journey_scheduled_messages where session_id = $1`, [waiting.id])).rows[0].status).toBe('sent');

    await say('ok');
    expect(replies().at(-1)).toBe('All done!');
    const done = await session();
    expect(done.status).toBe('completed');
    expect(done.answers).toEqual({ market: 'Gold', reply_6: 'ok' });
  });

  it('starts by keyword; /cancel drops the pending delayed message', async () => {
    const chat = 888;
    await say('start trading', chat);
    expect(replies(chat)).toEqual(['Welcome to the community!', 'What do you trade?']);
    await say('Crypto', chat);
    await say('/cancel', chat);
    expect(replies(chat).at(-1)).toMatch(/Stopped/);
    t.clock.advance(2 * 3_600_000);
    expect(await sendDueJourneyMessages({ ctx: t.ctx(systemActor), input: {} })).toEqual({ resumed: 0, sent: 0 });
    expect(replies(chat)).not.toContain('An hour later: here is our free guide.');
  });

  it('ignores an update Telegram sends twice', async () => {
    const body = JSON.stringify({ update_id: 5000, message: { message_id: 1, date: 1, chat: { id: 999, type: 'private' }, from: { id: 999, is_bot: false, first_name: 'R' }, text: '/start welcome', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } });
    const post = () => createApp(t.env).request('/telegram/journeyco/message_bot', { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body });
    expect(await (await post()).json()).toEqual({ ok: true });
    expect(await (await post()).json()).toEqual({ ok: true, duplicate: true });
    expect(replies(999)).toEqual(['Welcome to the community!', 'What do you trade?']);
  });
});
