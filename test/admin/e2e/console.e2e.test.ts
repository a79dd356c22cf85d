/**
 * The console in a real browser (Debian's chromium driven by playwright-core) against a real
 * HTTP server: first-admin setup, 2FA enrolment and sign-in with a TOTP code, banning a user
 * (then refused where chat adapters ask), answering a ticket (the TICKET_MESSAGE notification
 * row the chat delivery job sends), and maintenance mode. UPDATE_SCREENSHOTS=1 writes the
 * screenshots used in the README to docs/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { and, eq } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { createApp } from '../../../src/http/app.ts';
import { issueFirstSuperadminLink, setupUrl } from '../../../src/services/admin-auth/issue-setup-link.ts';
import { assertUserActive } from '../../../src/services/identity/assert-user-active.ts';
import { getSystemSettings } from '../../../src/services/system/get-system-settings.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { totpCode } from '../helpers.ts';
import { seedConsoleWorld } from './fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : mkdtempSync(path.join(tmpdir(), 'tw-shots-'));

const t = useTestDatabase();
let server: ServerType;
let browser: Browser;
let page: Page;
let base = '';
let world: Awaited<ReturnType<typeof seedConsoleWorld>>;
const admin = { email: 'ada@tradewire.test', password: 'correct horse battery staple', secret: '' };

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!existsSync(CHROMIUM))('admin console in a browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await seedConsoleWorld(t);
    const app = createApp(t.env);
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('creates the first superadmin from the printed link, enrols 2FA, and signs in with a TOTP code', async () => {
    const issued = (await issueFirstSuperadminLink({ ctx: t.ctx({ kind: 'system', job: 'test' }), input: { force: true } }))!;
    await page.goto(setupUrl(base, issued.token));
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Repeat the password').fill(admin.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/admin/login?done=created');

    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/account/2fa');
    await expect(page.getByText('Superadmins must turn on two-factor authentication')).toBeDefined();
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    admin.secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
    await page.getByLabel('Code').fill(totpCode(admin.secret, t.clock.now()));
    await page.getByRole('button', { name: 'Turn on' }).click();
    expect(await page.locator('#backup-codes li').count()).toBe(10);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/admin/login');
    await shot('login');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('6-digit code');
    await page.getByLabel('Password').fill(admin.password);
    await page.getByLabel('Authentication code').fill(totpCode(admin.secret, t.clock.now()));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/admin`);
    expect(await page.locator('h1').innerText()).toBe('Dashboard');
    expect(await page.locator('.tiles').innerText()).toContain('Open tickets');
    expect(await page.locator('figure.chart svg rect.bar').count()).toBe(14);
    await shot('dashboard');
  });

  it('bans a user, who is then refused where the chat adapters ask', async () => {
    await page.goto(`${base}/admin/users`);
    await page.getByLabel('Search').fill('maya');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: 'Maya Chen' }).click();
    await page.waitForURL(`**/admin/users/${world.maya.id}`);
    await shot('user');
    await page.getByLabel('Reason for the ban').fill('Abusive messages to support');
    await page.getByRole('button', { name: 'Ban' }).click();
    expect(await page.getByRole('status').innerText()).toContain('banned');
    const access = await assertUserActive({ ctx: t.ctx({ kind: 'system', job: 'chat' }), input: { userId: world.maya.id } });
    expect(access).toMatchObject({ active: false, status: 'banned' });
    await page.goto(`${base}/admin/users`);
    await shot('users');
  });

  it('answers a support ticket: the reply becomes a TICKET_MESSAGE notification for the user', async () => {
    await page.goto(`${base}/admin/support`);
    await shot('support-queue');
    await page.getByRole('link', { name: 'Scalper bot stopped with an error' }).click();
    const reply = 'Your paper account had open orders reserving the balance. I cancelled them; the bot runs again.';
    await page.getByLabel('Reply to the user').fill(reply);
    await page.getByRole('button', { name: 'Send reply' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Reply sent');
    await shot('ticket');
    const rows = await t.database.db.select().from(s.notifications).where(and(eq(s.notifications.userId, world.lena.id), eq(s.notifications.type, 'TICKET_MESSAGE')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ message: reply, delivered: false });
    expect(rows[0].metadata).toMatchObject({ ticketId: world.ticket.id });
  });

  it('turns on maintenance mode, which getSystemSettings then reports', async () => {
    await page.goto(`${base}/admin/system`);
    await page.getByLabel('Maintenance mode').check();
    await page.getByLabel('Maintenance message').fill('Upgrading the exchange connectors; back at 10:00 UTC.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect(await page.getByRole('status').innerText()).toContain('saved');
    const settings = await getSystemSettings({ ctx: t.ctx({ kind: 'system', job: 'chat' }) });
    expect(settings).toMatchObject({ maintenanceMode: true, maintenanceMessage: 'Upgrading the exchange connectors; back at 10:00 UTC.' });
    await shot('system');
    await page.goto(`${base}/admin/bots`);
    await shot('bots');
    await page.goto(`${base}/admin/content`);
    expect(await page.locator('h1').innerText()).toBe('Content');
    await page.goto(`${base}/admin/signals`);
    await shot('signals');
    await page.goto(`${base}/admin/tenants`);
    expect(await page.getByText('Gold Signals VIP').count()).toBe(1);
    await page.getByRole('link', { name: 'Gold Signals VIP' }).click();
    await page.waitForURL('**/admin/tenants/goldsignals');
    await shot('tenant');
  });

  it('creates a signal provider: the secret once, then its page with the webhook URL and a TradingView example', async () => {
    await page.goto(`${base}/admin/signals`);
    await page.getByLabel('Provider name').fill('TradingView: gold scalps');
    await page.getByLabel('Owner').selectOption('goldsignals');
    await page.getByRole('button', { name: 'Create provider' }).click();
    const secret = await page.locator('#provider-secret').innerText();
    expect(secret).toMatch(/^tws_/);
    const url = await page.locator('#webhook-url').innerText();
    expect(url).toMatch(/\/webhooks\/signals\/[a-z0-9]+$/);
    expect(await page.locator('#tradingview-message').innerText()).toContain(`"secret": "${secret}"`);
    await page.getByRole('link', { name: 'Go to the provider page' }).click();
    expect(await page.locator('#webhook-url').innerText()).toBe(url);
    expect(await page.content()).not.toContain(secret);
    await shot('signal-provider');
    const [row] = await t.database.db.select().from(s.signalProviders).where(eq(s.signalProviders.name, 'TradingView: gold scalps'));
    expect(row.tenantId).toBe('goldsignals');
  });
});
