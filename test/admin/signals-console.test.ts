/**
 * The Signals pages: create a provider (secret shown once, webhook URL and TradingView example),
 * rotate its secret (superadmin; the old one is refused at once), switch it off and on, and read
 * recent signals with their parse result. Every change is audited; secrets stay out of logs.
 */
import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/logger.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createStaff, get, post, signIn, type Browserless } from './helpers.ts';

const API_KEY = 'signals-console-api-key-0123456789';
const t = useTestDatabase({ config: { ADMIN_API_KEY: API_KEY } });
let logs = '';
const app = () => createApp({ ...t.env, logger: createLogger({ level: 'trace', destination: new Writable({ write(chunk, _e, done) { logs += String(chunk); done(); } }) }) });

let boss: Awaited<ReturnType<typeof createStaff>>;
let admin: Awaited<ReturnType<typeof createStaff>>;
let bossWho: Browserless;
let adminWho: Browserless;
const secretsSeen: string[] = [];

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
const webhook = (providerId: string, body: string, token?: string) =>
  app().request(`/webhooks/signals/${providerId}${token ? `?token=${encodeURIComponent(token)}` : ''}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
const signal = (n: number) => JSON.stringify({ symbol: 'BTC/USDT', direction: 'long', entries: [String(42000 + n)], targets: [String(43000 + n)], stopLoss: String(40500 + n) });
const secretOn = (html: string) => /id="provider-secret">([^<]+)</.exec(html)?.[1] ?? null;

async function createProvider(name: string): Promise<{ id: string; secret: string; html: string }> {
  const res = await post(app(), '/admin/signals/providers', { name, tenantId: '', auth: 'token' }, bossWho);
  expect(res.status).toBe(200);
  const html = await res.text();
  const id = /\/admin\/signals\/providers\/([^"/]+)"/.exec(html)![1];
  const secret = secretOn(html)!;
  secretsSeen.push(secret);
  return { id, secret, html };
}

beforeAll(async () => {
  boss = await createStaff(t, { role: 'superadmin', twoFactor: true });
  admin = await createStaff(t);
  bossWho = await signIn(t, app(), boss);
  adminWho = await signIn(t, app(), admin);
});

afterAll(() => {
  for (const secret of secretsSeen) expect(logs).not.toContain(secret);
});

describe('signal providers in the console', () => {
  it('creates a provider: the secret is shown once, with the webhook URL and an example TradingView message', async () => {
    const p = await createProvider('TV breakout');
    expect(p.secret).toMatch(/^tws_/);
    expect(p.html).toContain(`/webhooks/signals/${p.id}`);
    expect(p.html).toContain('Example TradingView alert message');
    expect(p.html).toContain(escapeHtml('"ticker": "{{ticker}}"'));
    expect(p.html).toContain(escapeHtml(`"secret": "${p.secret}"`));

    const page = await (await get(app(), `/admin/signals/providers/${p.id}`, bossWho)).text();
    expect(page).toContain(`/webhooks/signals/${p.id}`);
    expect(page).toContain(escapeHtml('"secret": "YOUR_WEBHOOK_SECRET"'));
    expect(page).not.toContain(p.secret);
    const list = await (await get(app(), '/admin/signals', bossWho)).text();
    expect(list).toContain('TV breakout');
    expect(list).not.toContain(p.secret);
    expect((await webhook(p.id, signal(1), p.secret)).status).toBe(201);

    const [audit] = await t.database.db.select().from(s.auditLogs).where(and(eq(s.auditLogs.action, 'signal_provider.create'), eq(s.auditLogs.userId, boss.id)));
    expect(audit.details).toMatchObject({ providerId: p.id });
    expect(JSON.stringify(audit.details)).not.toContain(p.secret);
  });

  it('rotates the secret (superadmin): the old secret gets 401, the new one 201', async () => {
    const p = await createProvider('Rotating');
    const res = await post(app(), `/admin/signals/providers/${p.id}/rotate`, {}, bossWho);
    expect(res.status).toBe(200);
    const fresh = secretOn(await res.text())!;
    secretsSeen.push(fresh);
    expect(fresh).not.toBe(p.secret);
    expect((await webhook(p.id, signal(2), p.secret)).status).toBe(401);
    expect((await webhook(p.id, signal(3), fresh)).status).toBe(201);
    expect(await (await get(app(), `/admin/signals/providers/${p.id}`, bossWho)).text()).not.toContain(fresh);
    expect(await t.database.db.select().from(s.auditLogs).where(and(eq(s.auditLogs.action, 'signal_provider.rotate_secret'), eq(s.auditLogs.userId, boss.id)))).toHaveLength(1);
  });

  it('an admin cannot rotate a secret (403) and the current secret keeps working', async () => {
    const p = await createProvider('Admins look only');
    const page = await (await get(app(), `/admin/signals/providers/${p.id}`, adminWho)).text();
    expect(page).toContain('Only a superadmin can rotate a provider secret.');
    const res = await post(app(), `/admin/signals/providers/${p.id}/rotate`, {}, adminWho);
    expect(res.status).toBe(403);
    expect((await webhook(p.id, signal(4), p.secret)).status).toBe(201);
    const api = await app().request(`/api/admin/signals/providers/${p.id}/rotate-secret`, { method: 'POST', headers: { cookie: adminWho.cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(api.status).toBe(403);
  });

  it('switches a provider off (webhook 404) and on again', async () => {
    const p = await createProvider('Switchable');
    const off = await post(app(), `/admin/signals/providers/${p.id}/active`, { isActive: '0' }, adminWho);
    expect(off.status).toBe(303);
    expect((await webhook(p.id, signal(5), p.secret)).status).toBe(404);
    expect(await (await get(app(), off.headers.get('location')!, adminWho)).text()).toContain('Provider switched off');
    expect((await post(app(), `/admin/signals/providers/${p.id}/active`, { isActive: '1' }, adminWho)).status).toBe(303);
    expect((await webhook(p.id, signal(6), p.secret)).status).toBe(201);
    expect(await t.database.db.select().from(s.auditLogs).where(and(eq(s.auditLogs.action, 'signal_provider.update'), eq(s.auditLogs.userId, admin.id)))).toHaveLength(2);
  });

  it('shows a rejected signal with its reason, format and kind', async () => {
    const p = await createProvider('Noisy');
    const res = await webhook(p.id, 'gm everyone, big moves today', p.secret);
    expect(res.status).toBe(422);
    const { error: reason } = (await res.json()) as { error: string };
    expect(reason.length).toBeGreaterThan(5);
    const page = await (await get(app(), `/admin/signals?providerId=${p.id}&status=rejected`, adminWho)).text();
    expect(page).toContain('rejected');
    expect(page).toContain(escapeHtml(reason));
    expect(page).toMatch(/<td>text<\/td><td>entry<\/td>/);
    const providerPage = await (await get(app(), `/admin/signals/providers/${p.id}`, adminWho)).text();
    expect(providerPage).toContain(escapeHtml(reason));
  });

  it('says what is wrong with a bad form and stores nothing; refuses a forged CSRF token', async () => {
    const before = (await t.database.db.select().from(s.signalProviders)).length;
    const bad = await post(app(), '/admin/signals/providers', { name: '', auth: 'token' }, bossWho);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('name');
    const unknownTenant = await post(app(), '/admin/signals/providers', { name: 'x', tenantId: 'no-such-tenant', auth: 'token' }, bossWho);
    expect(unknownTenant.status).toBe(404);
    const forged = await post(app(), '/admin/signals/providers', { name: 'Forged', auth: 'token' }, { cookie: bossWho.cookie }, { csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect((await t.database.db.select().from(s.signalProviders)).length).toBe(before);
  });

  it('offers the same verbs under /api/admin', async () => {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await app().request(path, { method, headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as any };
    };
    const created = await call('POST', '/api/admin/signals/providers', { name: 'From a script' });
    expect(created.status).toBe(200);
    secretsSeen.push(created.json.secret);
    expect(created.json.webhook.url).toContain(`/webhooks/signals/${created.json.provider.id}`);
    const described = await call('GET', `/api/admin/signals/providers/${created.json.provider.id}`);
    expect(described.json.webhook.tradingViewMessage).toContain('YOUR_WEBHOOK_SECRET');
    const rotated = await call('POST', `/api/admin/signals/providers/${created.json.provider.id}/rotate-secret`);
    secretsSeen.push(rotated.json.secret);
    expect(rotated.json.secret).not.toBe(created.json.secret);
    expect((await call('PUT', `/api/admin/signals/providers/${created.json.provider.id}`, { isActive: false })).json.isActive).toBe(false);
    const rejected = await call('GET', '/api/admin/signals?status=rejected');
    expect(rejected.json.rows.every((r: { status: string }) => r.status === 'rejected')).toBe(true);
    expect(rejected.json.rows[0]).toHaveProperty('rejectReason');
  });
});
