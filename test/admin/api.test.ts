import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { createApp } from '../../src/http/app.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createPlainUser, createStaff, signIn } from './helpers.ts';

const API_KEY = 'api-key-for-tests-0123456789abcdef';
const t = useTestDatabase({ config: { ADMIN_API_KEY: API_KEY } });
const app = () => createApp(t.env);
const auth = { authorization: `Bearer ${API_KEY}` };

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = auth) {
  const res = await app().request(path, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('/api/admin with the API key', () => {
  it('acts as the superadmin service account, audited with via=api_key', async () => {
    const trader = await createPlainUser(t, { email: 'api-ban@example.test' });
    const res = await call('POST', `/api/admin/users/${trader.id}/ban`, { reason: 'fraud' });
    expect(res).toMatchObject({ status: 200, json: { userId: trader.id, status: 'banned' } });
    const [audit] = await t.database.db.select().from(s.auditLogs).where(eq(s.auditLogs.action, 'user.ban'));
    expect(audit).toMatchObject({ userId: 'admin-api-key', actorType: 'admin' });
    expect(audit.details).toMatchObject({ via: 'api_key', targetUserId: trader.id, reason: 'fraud' });
    const settings = await call('PUT', '/api/admin/system/settings', { maintenanceMode: true, maintenanceMessage: 'Upgrading', registrationsOpen: false });
    expect(settings).toMatchObject({ status: 200, json: { maintenanceMode: true, maintenanceMessage: 'Upgrading', registrationsOpen: false } });
  });

  it('refuses a wrong key with 401 and logs it; no key and no session is 401 too', async () => {
    const wrong = await call('GET', '/api/admin/users', undefined, { authorization: 'Bearer definitely-not-the-right-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('UNAUTHORIZED');
    const logs = await t.database.db.select().from(s.securityLogs).where(eq(s.securityLogs.type, 'auth_failure'));
    expect(logs.some((l) => (l.metadata as { reason?: string }).reason === 'bad_api_key')).toBe(true);
    expect((await call('GET', '/api/admin/users', undefined, {})).status).toBe(401);
  });

  it('maps service errors to statuses with field issues', async () => {
    const trader = await createPlainUser(t);
    const invalid = await call('POST', `/api/admin/users/${trader.id}/suspend`, { until: 'not a date', reason: '' });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.code).toBe('VALIDATION');
    expect(invalid.json.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['reason', 'until']);
    expect((await call('GET', '/api/admin/users/nope')).status).toBe(404);
    expect((await call('GET', '/api/admin/no-such-route')).status).toBe(404);
    const past = await call('POST', `/api/admin/users/${trader.id}/subscription`, { plan: 'pro', until: '2020-01-01', reason: 'x' });
    expect(past.status).toBe(422);
    const badJson = await app().request('/api/admin/system/blocked-ips', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{oops' });
    expect(badJson.status).toBe(422);
  });

  it('lists with filters and pagination, and edits content', async () => {
    for (let i = 0; i < 3; i++) await createPlainUser(t, { status: 'suspended', email: `susp${i}@example.test` });
    const page1 = await call('GET', '/api/admin/users?status=suspended&pageSize=2');
    expect(page1.json).toMatchObject({ total: 3, page: 1, pageSize: 2, pages: 2 });
    expect(page1.json.rows).toHaveLength(2);
    const page2 = await call('GET', '/api/admin/users?status=suspended&pageSize=2&page=2');
    expect(page2.json.rows).toHaveLength(1);
    const category = await call('POST', '/api/admin/help/categories', { name: 'API tests', slug: 'api-tests' });
    expect(category.status).toBe(200);
    const dup = await call('POST', '/api/admin/help/categories', { name: 'API tests 2', slug: 'api-tests' });
    expect(dup.status).toBe(409);
    const article = await call('POST', '/api/admin/help/articles', { title: 'Keys', slug: 'api-test-keys', content: 'Use a Bearer header.', categoryId: category.json.id, tags: 'api, keys', published: true });
    expect(article.json).toMatchObject({ tags: ['api', 'keys'], published: true });
    expect((await call('PUT', `/api/admin/help/articles/${article.json.id}`, { title: 'API keys', slug: 'api-test-keys', content: 'x', categoryId: category.json.id })).json.published).toBe(false);
    expect((await call('DELETE', `/api/admin/help/categories/${category.json.id}`)).status).toBe(200);
    expect(await t.database.db.select().from(s.helpArticles).where(eq(s.helpArticles.id, article.json.id))).toHaveLength(0);
  });
});

describe('/api/admin with a console session', () => {
  it('works for reads and JSON writes, and refuses form-encoded writes', async () => {
    const admin = await createStaff(t);
    const who = await signIn(t, app(), admin);
    const trader = await createPlainUser(t);
    const read = await call('GET', `/api/admin/users/${trader.id}`, undefined, { cookie: who.cookie });
    expect(read.status).toBe(200);
    expect(read.json.profile.id).toBe(trader.id);
    const note = await call('POST', `/api/admin/users/${trader.id}/notes`, { category: 'security', content: 'checked ID' }, { cookie: who.cookie });
    expect(note.status).toBe(200);
    const form = await app().request(`/api/admin/users/${trader.id}/notes`, { method: 'POST', headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'content=x' });
    expect(form.status).toBe(415);
    const forbidden = await call('PUT', '/api/admin/system/settings', { maintenanceMode: true, registrationsOpen: true }, { cookie: who.cookie });
    expect(forbidden.status).toBe(403);
    const notes = await t.database.db.select().from(s.adminNotes).where(and(eq(s.adminNotes.userId, trader.id), eq(s.adminNotes.authorId, admin.id)));
    expect(notes).toHaveLength(1);
  });
});
