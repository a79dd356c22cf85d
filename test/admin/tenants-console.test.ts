/**
 * The Tenants pages against a fake Telegram Bot API and the real job queue: create a community,
 * add an admin, connect a bot (the token never comes back in any response; replacing it needs a
 * superadmin), compose → preview → send a broadcast and read its progress, build a journey with
 * a delay step, move a campaign through its statuses. Every change is audited.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { createApp } from '../../src/http/app.ts';
import { registerCommunityJobs } from '../../src/jobs/community.ts';
import { getBroadcastProgress } from '../../src/services/broadcasts/manage-broadcasts.ts';
import { startQueue, type JobQueue } from '../../src/services/core/queue.ts';
import { startJourneyFromMessage } from '../../src/services/journeys/journey-sessions.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.ts';
import { createPlainUser, createStaff, get, post, signIn, type Browserless } from './helpers.ts';

const API_KEY = 'tenants-console-api-key-0123456789';
const t = useTestDatabase({ config: { ADMIN_API_KEY: API_KEY } });
const app = () => createApp(t.env);
const TOKEN = '700001:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const NEW_TOKEN = '700001:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
const SIGNAL_TOKEN = '700002:CCCCCCCCCCCCCCCCCCCCCCCCCCCCCC';

let tg: FakeTelegram;
let queue: JobQueue;
let boss: Awaited<ReturnType<typeof createStaff>>;
let admin: Awaited<ReturnType<typeof createStaff>>;
let bossWho: Browserless;
let adminWho: Browserless;
/** Every body the console answered with, to check that no bot token ever comes back. */
const bodies: string[] = [];

async function record(res: Response | Promise<Response>): Promise<{ status: number; location: string | null; text: string }> {
  const r = await res;
  const text = await r.text();
  bodies.push(text, r.headers.get('location') ?? '');
  return { status: r.status, location: r.headers.get('location'), text };
}
const page = async (path: string, who: Browserless) => record(get(app(), path, who));
const submit = async (path: string, fields: Record<string, string>, who: Browserless, options?: Parameters<typeof post>[4]) => record(post(app(), path, fields, who, options));
const audits = (action: string) => t.database.db.select().from(s.auditLogs).where(eq(s.auditLogs.action, action));

async function waitFor(check: () => Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

beforeAll(async () => {
  tg = await startFakeTelegram();
  t.env.config = { ...t.env.config, TELEGRAM_API_ROOT: tg.apiRoot };
  queue = await startQueue(t.database.url, t.logger, { supervise: false });
  t.env.queue = queue;
  boss = await createStaff(t, { role: 'superadmin', twoFactor: true });
  admin = await createStaff(t);
  bossWho = await signIn(t, app(), boss);
  adminWho = await signIn(t, app(), admin);
});

afterAll(async () => {
  for (const token of [TOKEN, NEW_TOKEN, SIGNAL_TOKEN]) for (const body of bodies) expect(body).not.toContain(token.split(':')[1]);
  await queue?.stop();
  await tg?.close();
});

describe('communities in the console', () => {
  it('creates a community, refusing a bad time zone without storing anything', async () => {
    const bad = await submit('/admin/tenants', { id: 'acme', name: 'Acme Signals', timezone: 'Mars/Olympus' }, adminWho);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('IANA time zone');
    expect(await t.database.db.select().from(s.tenants).where(eq(s.tenants.id, 'acme'))).toHaveLength(0);
    const ok = await submit('/admin/tenants', { id: 'acme', name: 'Acme Signals', timezone: 'Europe/London' }, adminWho);
    expect(ok.location).toBe('/admin/tenants/acme?done=tenant_created');
    expect((await page('/admin/tenants', adminWho)).text).toContain('Acme Signals');
    expect((await page('/admin/tenants/acme', adminWho)).text).toContain('Community: Acme Signals');
    expect(await audits('tenant.create')).toHaveLength(1);
  });

  it('adds an admin by email; an unknown person is a clear error', async () => {
    const person = await createPlainUser(t, { email: 'grace@acme.test' });
    const missing = await submit('/admin/tenants/acme/members', { user: 'nobody@acme.test', role: 'admin' }, adminWho);
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('No account has that user id or email.');
    expect((await submit('/admin/tenants/acme/members', { user: 'Grace@Acme.test', role: 'admin' }, adminWho)).status).toBe(303);
    const [link] = await t.database.db.select().from(s.tenantUsers).where(and(eq(s.tenantUsers.tenantId, 'acme'), eq(s.tenantUsers.userId, person.id)));
    expect(link.role).toBe('admin');
    expect((await page('/admin/tenants/acme', adminWho)).text).toContain('grace@acme.test');
    expect((await audits('tenant_user.add'))[0].details).toMatchObject({ tenantId: 'acme', userId: person.id, role: 'admin' });
  });

  it('connects a bot without ever showing its token; only a superadmin replaces it', async () => {
    const connected = await submit('/admin/tenants/acme/bots', { botRole: 'message_bot', token: TOKEN, channelId: '' }, adminWho);
    expect(connected.status).toBe(303);
    const overview = await page('/admin/tenants/acme', adminWho);
    expect(overview.text).toContain('@bot700001');
    expect(overview.text).toContain('Replacing the token of a connected bot needs a superadmin.');
    const replace = await submit('/admin/tenants/acme/bots', { botRole: 'message_bot', token: NEW_TOKEN }, adminWho);
    expect(replace.status).toBe(403);
    expect(replace.text).toContain('Only a superadmin can replace the token of a connected bot.');
    expect((await submit('/admin/tenants/acme/bots', { botRole: 'message_bot', token: NEW_TOKEN }, bossWho)).status).toBe(303);
    const badToken = await submit('/admin/tenants/acme/bots', { botRole: 'signal_bot', token: 'not-a-token' }, bossWho);
    expect(badToken.status).toBe(422);
    expect(badToken.text).toContain('BotFather');
    const [row] = await t.database.db.select().from(s.tenantBotConnections).where(and(eq(s.tenantBotConnections.tenantId, 'acme'), eq(s.tenantBotConnections.botRole, 'message_bot')));
    expect(t.env.keyring.decrypt(row.botTokenEncrypted)).toBe(NEW_TOKEN);
    const connects = await audits('tenant_bot.connect');
    expect(connects.map((a) => (a.details as { replaced: boolean }).replaced)).toEqual([false, true]);
    expect(JSON.stringify(connects)).not.toContain(TOKEN.split(':')[1]);
    // the JSON API never answers with the token either
    const api = await app().request('/api/admin/tenants/acme/bots/signal_bot', { method: 'PUT', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ token: SIGNAL_TOKEN }) });
    bodies.push(await api.clone().text());
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ botUsername: 'bot700002' });
    bodies.push(await (await app().request('/api/admin/tenants/acme', { headers: { authorization: `Bearer ${API_KEY}` } })).text());
  });

  it('composes, previews and sends a broadcast, then shows sent / blocked / pending counts', async () => {
    await t.database.pool.query(`insert into bot_users (id, tenant_id, chat_id) values ('acme-1', 'acme', 5101), ('acme-2', 'acme', 5102), ('acme-3', 'acme', 5103)`);
    tg.blockedChats.add(5103);
    const message = 'Gold breakout at 2,410 <b>today</b> & more';
    const preview = await submit('/admin/tenants/acme/broadcasts/preview', { message, botRole: 'message_bot' }, adminWho);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Gold breakout at 2,410 &lt;b&gt;today&lt;/b&gt; &amp; more');
    expect(preview.text).toContain('Send now to 3 contacts');
    expect(await t.database.db.select().from(s.broadcastJobs)).toHaveLength(0); // a preview stores nothing
    const empty = await submit('/admin/tenants/acme/broadcasts/preview', { message: '   ' }, adminWho);
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Write the message.');

    const sent = await submit('/admin/tenants/acme/broadcasts', { message, botRole: 'message_bot', send: '1' }, adminWho);
    expect(sent.status).toBe(303);
    const progressPath = sent.location!.split('?')[0];
    const broadcastId = progressPath.split('/').pop()!;
    const sending = await page(progressPath, adminWho);
    expect(sending.text).toContain('<meta http-equiv="refresh" content="5"/>');
    expect(sending.text).toContain('data-count="pending">3<');

    await registerCommunityJobs(t.env).startWorkers({ broadcastWorkers: 1 });
    await waitFor(async () => (await getBroadcastProgress({ ctx: t.ctx({ kind: 'system', job: 'test' }), input: { tenantId: 'acme', broadcastId } })).status === 'completed');
    const finished = await page(progressPath, adminWho);
    expect(finished.text).not.toContain('http-equiv="refresh"');
    expect(finished.text).toContain('data-count="sent">2<');
    expect(finished.text).toContain('data-count="blocked">1<');
    expect(finished.text).toContain('data-count="failed">0<');
    expect(finished.text).toContain('data-count="pending">0<');
    expect(tg.calledWith('sendMessage').map((c) => c.payload.text)).toContain(message);

    const draft = await submit('/admin/tenants/acme/broadcasts', { message: 'Saved for later', botRole: 'message_bot', send: '0' }, adminWho);
    expect(draft.location).toBe('/admin/tenants/acme?done=broadcast_saved');
    const overview = await page('/admin/tenants/acme', adminWho);
    expect(overview.text).toContain('Saved for later');
    expect(overview.text).toMatch(/broadcasts\/[^/"]+\/send/);
    expect((await audits('broadcast.create')).length).toBe(2);
    expect((await audits('broadcast.start'))[0].details).toMatchObject({ tenantId: 'acme', broadcastId, recipients: 3 });
  });

  it('builds a journey with a delay step from the console, and the journey then waits for it', async () => {
    const created = await submit('/admin/tenants/acme/journeys', { name: 'Welcome', triggerType: 'deep_link', trigger: 'welcome', stepType: 'message', text: 'Hi! Glad you are here.', seconds: '', key: '' }, adminWho);
    expect(created.status).toBe(303);
    const [journey] = await t.database.db.select().from(s.journeys).where(eq(s.journeys.tenantId, 'acme'));
    const bad = await submit(`/admin/tenants/acme/journeys/${journey.id}/steps`, { stepType: 'delay', seconds: 'soon' }, adminWho);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Enter the delay in seconds.');
    expect((await submit(`/admin/tenants/acme/journeys/${journey.id}/steps`, { stepType: 'delay', seconds: '5400', text: '', key: '' }, adminWho)).status).toBe(303);
    expect((await submit(`/admin/tenants/acme/journeys/${journey.id}/steps`, { stepType: 'question', text: 'What is your email?', key: 'email', seconds: '' }, adminWho)).status).toBe(303);
    const steps = await t.database.db.select().from(s.journeySteps).where(eq(s.journeySteps.journeyId, journey.id)).orderBy(s.journeySteps.stepOrder);
    expect(steps.map((r) => [r.stepOrder, r.stepType, r.config])).toEqual([
      [1, 'message', { text: 'Hi! Glad you are here.' }],
      [2, 'delay', { seconds: 5400 }],
      [3, 'question', { text: 'What is your email?', key: 'email' }],
    ]);
    const list = await page('/admin/tenants/acme/journeys', adminWho);
    expect(list.text).toContain('Delay: 1 h 30 min');
    expect(list.text).toContain('t.me/bot700001?start=welcome');
    expect(await startJourneyFromMessage(t.env, { tenantId: 'acme', chatId: 5101, userId: null, text: '/start welcome' })).toEqual(['Hi! Glad you are here.']);
    const [scheduled] = await t.database.db.select().from(s.journeyScheduledMessages).where(eq(s.journeyScheduledMessages.tenantId, 'acme'));
    expect(scheduled.scheduledFor.getTime() - t.clock.now().getTime()).toBe(5400_000);
    expect(await audits('journey.create')).toHaveLength(1);
    expect(await audits('journey_step.add')).toHaveLength(2);
  });

  it('creates a campaign and moves it draft → active → ended, never back', async () => {
    const backwards = await submit('/admin/tenants/acme/campaigns', { title: 'Spring', startDate: '2026-04-30', endDate: '2026-04-01' }, adminWho);
    expect(backwards.status).toBe(422);
    expect((await submit('/admin/tenants/acme/campaigns', { title: 'Spring promo', description: '', startDate: '2026-03-01', endDate: '2026-03-31', prize: '1 month VIP' }, adminWho)).status).toBe(303);
    const [campaign] = await t.database.db.select().from(s.campaigns).where(eq(s.campaigns.tenantId, 'acme'));
    expect(campaign.status).toBe('draft');
    expect((await submit(`/admin/tenants/acme/campaigns/${campaign.id}/status`, { status: 'active' }, adminWho)).status).toBe(303);
    expect((await page('/admin/tenants/acme', adminWho)).text).toContain('aria-label="End Spring promo"');
    expect((await submit(`/admin/tenants/acme/campaigns/${campaign.id}/status`, { status: 'ended' }, adminWho)).status).toBe(303);
    expect((await submit(`/admin/tenants/acme/campaigns/${campaign.id}/status`, { status: 'active' }, adminWho)).status).toBe(409);
    const [after] = await t.database.db.select().from(s.campaigns).where(eq(s.campaigns.id, campaign.id));
    expect(after.status).toBe('ended');
    expect((await audits('campaign.set_status')).map((a) => (a.details as { to: string }).to)).toEqual(['active', 'ended']);
  });

  it('refuses a community form without the session CSRF token', async () => {
    const forged = await submit('/admin/tenants/acme/campaigns', { title: 'Forged' }, { cookie: adminWho.cookie, csrf: '' }, { csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(await t.database.db.select().from(s.campaigns).where(eq(s.campaigns.title, 'Forged'))).toHaveLength(0);
  });

  it('offers the community verbs under /api/admin', async () => {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await app().request(path, { method, headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      bodies.push(text);
      return { status: res.status, json: JSON.parse(text) as any };
    };
    const overview = await call('GET', '/api/admin/tenants/acme');
    expect(overview.json.botConnections.map((b: { botRole: string }) => b.botRole)).toEqual(['message_bot', 'signal_bot']);
    expect(Object.keys(overview.json.botConnections[0])).not.toContain('botTokenEncrypted');
    const broadcasts = await call('GET', '/api/admin/tenants/acme/broadcasts');
    expect(broadcasts.json.find((b: { status: string }) => b.status === 'completed')).toMatchObject({ sent: 2, blocked: 1, pending: 0 });
    const journey = await call('POST', '/api/admin/tenants/acme/journeys', { name: 'Keyword', triggers: [{ type: 'keyword', keyword: 'vip' }], steps: [{ type: 'message', text: 'VIP info' }] });
    expect(journey.status).toBe(200);
    const step = await call('POST', `/api/admin/tenants/acme/journeys/${journey.json.id}/steps`, { type: 'delay', seconds: 60 });
    expect(step.json).toMatchObject({ order: 2, type: 'delay' });
    const campaign = await call('POST', '/api/admin/tenants/acme/campaigns', { title: 'API campaign' });
    expect((await call('PUT', `/api/admin/tenants/acme/campaigns/${campaign.json.id}/status`, { status: 'active' })).json.status).toBe('active');
    expect((await call('GET', '/api/admin/tenants/acme/coupons')).status).toBe(200);
    expect((await call('GET', '/api/admin/tenants/nope')).status).toBe(404);
  });
});
