/**
 * VIP membership end to end, offline: the /vip command → Stripe Checkout on a local Stripe
 * fake → signed checkout.session.completed webhook → one-person invite link in private →
 * the join (link revoked) → expiry → removal (ban, then unban only_if_banned). Also: a
 * duplicate Stripe event changes nothing, a recorded real event verifies, a tampered one does not.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { connectTenantBot } from '../../../src/services/tenants/connect-tenant-bot.ts';
import { setTenantSettings } from '../../../src/services/tenants/set-tenant-settings.ts';
import { syncVipCatalog } from '../../../src/services/vip/sync-vip-catalog.ts';
import { syncVipMembers } from '../../../src/services/vip/sync-vip-members.ts';
import { ensureStaff, makeTenant, readFixture, staffActor, systemActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { startFakeStripe, type FakeStripe } from '../../helpers/fake-stripe.ts';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.ts';

const SECRET = 'whsec_test_secret';
const t = useTestDatabase({ config: { STRIPE_SECRET_KEY: 'sk_test_fake123', STRIPE_WEBHOOK_SECRET: SECRET }, clock: '2026-03-02T09:00:00Z' });
const recorded = JSON.parse(readFixture('community/stripe_webhook_events_signed.json')) as { timestamp: number; events: { type: string; body: string; 'Stripe-Signature': string }[] };
let tg: FakeTelegram;
let stripe: FakeStripe;
const secretTokens: Record<string, string> = {};
const USER = 4242;
const CHANNEL = '-1009999999999';
let updateId = 1;

const app = () => createApp(t.env);
const nowS = () => Math.floor(t.clock.now().getTime() / 1000);

function signed(event: Record<string, unknown>) {
  const payload = JSON.stringify(event, null, 2);
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: nowS() }) };
}
async function postStripe(payload: string, header: string) {
  const res = await app().request('/webhooks/stripe', { method: 'POST', body: payload, headers: { 'stripe-signature': header, 'content-type': 'application/json' } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
async function postUpdate(role: 'signal_bot' | 'message_bot', update: Record<string, unknown>, token = secretTokens[role]) {
  return app().request(`/telegram/vipco/${role}`, { method: 'POST', body: JSON.stringify({ update_id: updateId++, ...update }), headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': token } });
}
const sub = async () => (await t.database.pool.query(`select * from telegram_subscriptions where tenant_id = 'vipco'`)).rows[0];

beforeAll(async () => {
  await ensureStaff(t);
  tg = await startFakeTelegram();
  stripe = await startFakeStripe();
  t.env.config = { ...t.env.config, TELEGRAM_API_ROOT: tg.apiRoot, STRIPE_API_URL: stripe.url, PUBLIC_URL: 'https://tw.example.com' };
  await makeTenant(t, 'vipco');
  await connectTenantBot({ ctx: t.ctx(staffActor), input: { tenantId: 'vipco', botRole: 'signal_bot', token: '222222:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', channelId: CHANNEL } });
  await connectTenantBot({ ctx: t.ctx(staffActor), input: { tenantId: 'vipco', botRole: 'message_bot', token: '333333:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCC' } });
  secretTokens.message_bot = tg.calledWith('setWebhook').find((c) => c.token.startsWith('333333'))!.payload.secret_token;
  secretTokens.signal_bot = tg.calledWith('setWebhook').find((c) => c.token.startsWith('222222'))!.payload.secret_token;
  await setTenantSettings({ ctx: t.ctx(systemActor), input: { tenantId: 'vipco', scope: 'bot', values: { vip_trial_days: 7, vip_invite_hours: 24 } } });
  stripe.products.push({ id: 'prod_vip', object: 'product', name: 'Gold VIP', active: true, description: null, metadata: { tenant_id: 'vipco' } }, { id: 'prod_other', object: 'product', name: 'Not ours', active: true, metadata: {} });
  stripe.prices.push(
    { id: 'price_month', object: 'price', product: 'prod_vip', unit_amount: 1900, currency: 'usd', recurring: { interval: 'month' }, active: true },
    { id: 'price_life', object: 'price', product: 'prod_vip', unit_amount: 19900, currency: 'usd', recurring: null, active: true },
    { id: 'price_x', object: 'price', product: 'prod_other', unit_amount: 500, currency: 'usd', recurring: null, active: true },
  );
});
afterAll(async () => {
  await tg?.close();
  await stripe?.close();
});

describe('VIP subscriptions', () => {
  it('refuses a Telegram update without the bot’s secret token', async () => {
    expect((await postUpdate('message_bot', { message: { message_id: 1, date: nowS(), chat: { id: USER, type: 'private' }, from: { id: USER, is_bot: false, first_name: 'Ann' }, text: '/start' } }, 'wrong')).status).toBe(401);
  });

  it('pay → invite → join → expiry → removal', async () => {
    expect(await syncVipCatalog({ ctx: t.ctx(staffActor), input: { tenantId: 'vipco' } })).toEqual({ products: 1, prices: 2 });
    const cached = (await t.database.pool.query(`select stripe_price_id, unit_amount, interval from tenant_stripe_prices where tenant_id = 'vipco' order by unit_amount`)).rows;
    expect(cached.map((r) => [r.stripe_price_id, Number(r.unit_amount), r.interval])).toEqual([['price_month', 19, 'month'], ['price_life', 199, null]]);

    // /vip in private: checkout links for both plans
    const vip = await postUpdate('message_bot', { message: { message_id: 2, date: nowS(), chat: { id: USER, type: 'private' }, from: { id: USER, is_bot: false, first_name: 'Ann', username: 'ann' }, text: '/vip', entities: [{ type: 'bot_command', offset: 0, length: 4 }] } });
    expect(vip.status).toBe(200);
    const checkout = stripe.requests.filter((r) => r.path === '/v1/checkout/sessions');
    expect(checkout).toHaveLength(2);
    const monthly = checkout.find((r) => r.body.get('line_items[0][price]') === 'price_month')!;
    expect(monthly.body.get('mode')).toBe('subscription');
    expect(monthly.body.get('subscription_data[trial_period_days]')).toBe('7');
    expect(monthly.body.get('metadata[telegramUserId]')).toBe(String(USER));
    expect(monthly.idempotencyKey).toMatch(/^vip-checkout:vipco:4242:price_month:/);
    expect(checkout.find((r) => r.body.get('line_items[0][price]') === 'price_life')!.body.get('mode')).toBe('payment');
    const menu = tg.calledWith('sendMessage').at(-1)!.payload;
    expect(menu.reply_markup.inline_keyboard.flat().map((b: { url: string }) => b.url)).toEqual([expect.stringContaining('checkout.stripe.com'), expect.stringContaining('checkout.stripe.com')]);
    expect((await t.database.pool.query(`select count(*)::int as n from bot_users where tenant_id = 'vipco' and chat_id = $1`, [USER])).rows[0].n).toBe(1);

    // Stripe: checkout completed (the real envelope, with our session's metadata), a trial of 7 days
    const trialEnd = nowS() + 7 * 86400;
    stripe.subscriptions.set('sub_vip1', { id: 'sub_vip1', object: 'subscription', status: 'trialing', trial_end: trialEnd, items: { object: 'list', data: [{ id: 'si_1', current_period_end: trialEnd }] } });
    const envelope = JSON.parse(recorded.events.find((e) => e.type === 'checkout.session.completed')!.body);
    envelope.id = 'evt_vip_paid';
    Object.assign(envelope.data.object, { subscription: 'sub_vip1', metadata: { tradewire: 'vip', tenantId: 'vipco', telegramUserId: String(USER), telegramUsername: 'ann', planType: 'monthly' } });
    const paid = signed(envelope);
    expect(await postStripe(paid.payload, paid.header)).toEqual({ status: 200, body: { received: true, duplicate: false, effect: 'activated' } });
    let row = await sub();
    expect(row).toMatchObject({ status: 'active', plan_type: 'monthly', email: 'chris@gorails.com', telegram_user_id: String(USER), stripe_subscription_id: 'sub_vip1', is_converted: false });
    expect(new Date(row.current_period_end).getTime()).toBe(trialEnd * 1000);
    expect(new Date(row.trial_ends_at).getTime()).toBe(trialEnd * 1000);

    // the same event again (Stripe retries): recorded once, nothing changes
    const before = (await t.database.pool.query(`select count(*)::int as n from audit_logs where action like 'vip_subscription.%'`)).rows[0].n;
    expect(await postStripe(paid.payload, paid.header)).toEqual({ status: 200, body: { received: true, duplicate: true, effect: 'already processed' } });
    expect((await t.database.pool.query(`select count(*)::int as n from audit_logs where action like 'vip_subscription.%'`)).rows[0].n).toBe(before);
    expect((await t.database.pool.query(`select count(*)::int as n from processed_webhook_events where event_id = 'evt_vip_paid'`)).rows[0].n).toBe(1);

    // the member sync creates a one-person link and sends it in private, once
    expect(await syncVipMembers({ ctx: t.ctx(systemActor), input: {} })).toEqual({ expired: 0, invited: 1, removed: 0 });
    const link = tg.calledWith('createChatInviteLink').at(-1)!;
    expect(link.token.startsWith('222222')).toBe(true);
    expect(link.payload).toMatchObject({ chat_id: CHANNEL, member_limit: 1, expire_date: nowS() + 24 * 3600 });
    row = await sub();
    const dm = tg.calledWith('sendMessage').at(-1)!;
    expect(dm.token.startsWith('333333')).toBe(true);
    expect(dm.payload.chat_id).toBe(USER);
    expect(dm.payload.text).toContain(row.invite_link);
    expect(await syncVipMembers({ ctx: t.ctx(systemActor), input: {} })).toEqual({ expired: 0, invited: 0, removed: 0 });

    // the subscriber joins with the link: marked joined, link revoked
    const joined = await postUpdate('signal_bot', {
      chat_member: {
        chat: { id: Number(CHANNEL), type: 'channel', title: 'VIP' },
        from: { id: USER, is_bot: false, first_name: 'Ann' },
        date: nowS(),
        old_chat_member: { status: 'left', user: { id: USER, is_bot: false, first_name: 'Ann' } },
        new_chat_member: { status: 'member', user: { id: USER, is_bot: false, first_name: 'Ann' } },
        invite_link: { invite_link: row.invite_link, creator: { id: 222222, is_bot: true, first_name: 'Bot' }, creates_join_request: false, is_primary: false, is_revoked: false, member_limit: 1 },
      },
    });
    expect(joined.status).toBe(200);
    expect(tg.calledWith('revokeChatInviteLink').at(-1)!.payload).toMatchObject({ chat_id: CHANNEL, invite_link: row.invite_link });
    expect((await sub()).joined_at).not.toBeNull();

    // trial converts: Stripe says trialing → active with a new period
    const periodEnd = trialEnd + 30 * 86400;
    const converted = signed({ id: 'evt_vip_converted', object: 'event', type: 'customer.subscription.updated', created: nowS(), api_version: '2024-06-20', data: { object: { id: 'sub_vip1', object: 'subscription', status: 'active', cancel_at_period_end: false, items: { data: [{ current_period_end: periodEnd }] } }, previous_attributes: { status: 'trialing' } } });
    expect((await postStripe(converted.payload, converted.header)).body.effect).toBe('updated');
    row = await sub();
    expect(row.is_converted).toBe(true);
    expect(new Date(row.current_period_end).getTime()).toBe(periodEnd * 1000);

    // no renewal arrives: two days after the period end the membership expires and the member is removed
    t.clock.set(periodEnd * 1000 + 2 * 86_400_000 + 60_000);
    expect(await syncVipMembers({ ctx: t.ctx(systemActor), input: {} })).toEqual({ expired: 1, invited: 0, removed: 1 });
    const ban = tg.calledWith('banChatMember').at(-1)!;
    const unban = tg.calledWith('unbanChatMember').at(-1)!;
    expect(ban.payload).toMatchObject({ chat_id: CHANNEL, user_id: USER });
    expect(unban.payload).toMatchObject({ chat_id: CHANNEL, user_id: USER, only_if_banned: true });
    expect(ban.at).toBeLessThanOrEqual(unban.at);
    row = await sub();
    expect(row.status).toBe('expired');
    expect(row.removed_at).not.toBeNull();
    expect(await syncVipMembers({ ctx: t.ctx(systemActor), input: {} })).toEqual({ expired: 0, invited: 0, removed: 0 });
  });

  it('removes someone who joins with another member’s link and sends the member a new one', async () => {
    t.clock.set('2026-06-01T00:00:00Z');
    const envelope = { id: 'evt_life', object: 'event', type: 'checkout.session.completed', created: nowS(), api_version: '2024-06-20', data: { object: { id: 'cs_life', object: 'checkout.session', mode: 'payment', customer: 'cus_b', customer_details: { email: 'bob@example.com' }, metadata: { tradewire: 'vip', tenantId: 'vipco', telegramUserId: '5151', planType: 'lifetime' } } } };
    const s = signed(envelope);
    expect((await postStripe(s.payload, s.header)).body.effect).toBe('activated');
    await syncVipMembers({ ctx: t.ctx(systemActor), input: {} });
    const bob = (await t.database.pool.query(`select * from telegram_subscriptions where email = 'bob@example.com'`)).rows[0];
    expect(bob).toMatchObject({ plan_type: 'lifetime', current_period_end: null });
    const intruder = { id: 6666, is_bot: false, first_name: 'Eve' };
    await postUpdate('signal_bot', { chat_member: { chat: { id: Number(CHANNEL), type: 'channel', title: 'VIP' }, from: intruder, date: nowS(), old_chat_member: { status: 'left', user: intruder }, new_chat_member: { status: 'member', user: intruder }, invite_link: { invite_link: bob.invite_link, creator: { id: 1, is_bot: true, first_name: 'B' }, creates_join_request: false, is_primary: false, is_revoked: false } } });
    expect(tg.calledWith('banChatMember').at(-1)!.payload.user_id).toBe(6666);
    expect(tg.calledWith('revokeChatInviteLink').at(-1)!.payload.invite_link).toBe(bob.invite_link);
    expect(await syncVipMembers({ ctx: t.ctx(systemActor), input: {} })).toMatchObject({ invited: 1 });
    const again = (await t.database.pool.query(`select invite_link, joined_at from telegram_subscriptions where email = 'bob@example.com'`)).rows[0];
    expect(again.invite_link).not.toBe(bob.invite_link);
    expect(again.joined_at).toBeNull();
  });

  it('verifies a recorded real Stripe event on its raw bytes and refuses a tampered one', async () => {
    const e = recorded.events.find((x) => x.type === 'customer.subscription.deleted')!;
    t.clock.set(recorded.timestamp * 1000 + 10_000);
    expect(await postStripe(e.body, e['Stripe-Signature'])).toEqual({ status: 200, body: { received: true, duplicate: false, effect: 'ignored' } });
    expect((await postStripe(e.body.replace('canceled', 'active'), e['Stripe-Signature'])).status).toBe(400);
    t.clock.set(recorded.timestamp * 1000 + 301_000);
    const other = recorded.events.find((x) => x.type === 'invoice.payment_failed')!;
    expect((await postStripe(other.body, other['Stripe-Signature'])).status).toBe(400); // outside the 5-minute tolerance
  });
});
