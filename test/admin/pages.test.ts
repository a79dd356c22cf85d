import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { createApp } from '../../src/http/app.ts';
import { useTestDatabase } from '../helpers/db.ts';
import { createPlainUser, createStaff, get, post, signIn } from './helpers.ts';

const t = useTestDatabase();
const app = () => createApp(t.env);

describe('console pages', () => {
  it('render for a superadmin with labelled forms and no scripts', async () => {
    const boss = await createStaff(t, { role: 'superadmin', twoFactor: true });
    const who = await signIn(t, app(), boss);
    const trader = await createPlainUser(t, { email: 'pages@example.test' });
    const [ticket] = await t.database.db.insert(s.supportTickets).values({ userId: trader.id, subject: 'Where is my invoice?' }).returning();
    await t.database.db.insert(s.tenants).values({ id: 'pages-co', name: 'Pages Co' });
    await t.database.db.insert(s.journeys).values({ tenantId: 'pages-co', name: 'Welcome' });
    const [provider] = await t.database.db.insert(s.signalProviders).values({ name: 'Pages provider', type: 'webhook' }).returning();
    const community = ['/admin/tenants/pages-co', '/admin/tenants/pages-co/journeys', `/admin/signals/providers/${provider.id}`];
    const paths = [...community, '/admin', '/admin/users', `/admin/users/${trader.id}`, '/admin/support', `/admin/support/${ticket.id}`, '/admin/bots', '/admin/signals', '/admin/tenants', '/admin/content', '/admin/system', '/admin/system/queue', '/admin/system/blocked-ips', '/admin/system/security-logs', '/admin/system/audit-logs', '/admin/account', '/admin/account/2fa', '/admin/account/password'];
    for (const path of paths) {
      const res = await get(app(), path, who);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html.startsWith('<!DOCTYPE html>'), path).toBe(true);
      expect(html, path).toMatch(/<h1>[^<]+<\/h1>/);
      expect(html, path).not.toContain('<script');
      for (const [, id] of html.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)) expect(html, `${path} #${id}`).toContain(`for="${id}"`);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      if ([...community, '/admin/signals', '/admin/tenants'].includes(path)) expect(new Set(ids).size, `${path}: unique ids`).toBe(ids.length);
    }
    const css = await get(app(), '/admin/static/admin.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('escape what users typed', async () => {
    const admin = await createStaff(t);
    const who = await signIn(t, app(), admin);
    const trader = await createPlainUser(t, { fullName: '<img src=x onerror=alert(1)>' });
    const html = await (await get(app(), `/admin/users/${trader.id}`, who)).text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('edit help content through the forms, and say what was wrong on a bad form', async () => {
    const admin = await createStaff(t);
    const who = await signIn(t, app(), admin);
    expect((await post(app(), '/admin/content/help_category', { name: 'Console', slug: 'console-help', description: '', order: '3' }, who)).status).toBe(303);
    const [category] = await t.database.db.select().from(s.helpCategories).where(eq(s.helpCategories.slug, 'console-help'));
    expect(category).toMatchObject({ name: 'Console', description: null, order: 3 });
    const saved = await post(app(), '/admin/content/help_article', { title: 'Roles', slug: 'console-roles', content: 'Admins and superadmins.', categoryId: category.id, tags: 'console, roles', published: 'on' }, who);
    expect(saved.status).toBe(303);
    const bad = await post(app(), '/admin/content/help_article', { title: '', slug: 'Not A Slug', content: 'x', categoryId: category.id }, who);
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('Use lowercase letters, digits and dashes.');
    expect((await post(app(), '/admin/content/__proto__', { title: 'x' }, who)).status).toBe(404);
    const page = await (await get(app(), '/admin/content', who)).text();
    expect(page).toContain('console-roles');
  });
});
