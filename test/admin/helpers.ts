/** Console test helpers: staff fixtures, RFC 6238 codes computed by hand, requests with cookies. */
import { createHmac } from 'node:crypto';
import type { Hono } from 'hono';
import * as s from '../../src/db/schema/index.ts';
import { hashPassword } from '../../src/services/admin-auth/secrets.ts';
import type { TestContext } from '../helpers/db.ts';

export const ORIGIN = 'http://localhost';
export const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
// A fixed base32 secret, so tests compute codes independently of the code under test.
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let counter = 0;

export interface Staff {
  id: string;
  email: string;
  password: string;
  secret?: string;
}

export async function createStaff(t: TestContext, options: { role?: 'admin' | 'superadmin' | 'user'; twoFactor?: boolean; email?: string } = {}): Promise<Staff> {
  const email = options.email ?? `staff${++counter}-${Date.now()}@example.test`;
  const password = `correct horse ${counter} battery`;
  const [user] = await t.database.db
    .insert(s.users)
    .values({ email, password: await hashPassword(password), role: options.role ?? 'admin', fullName: `Staff ${counter}`, twoFactorEnabled: options.twoFactor ?? false })
    .returning();
  if (options.twoFactor) {
    await t.database.db.insert(s.twoFactorAuth).values({ userId: user.id, secret: t.env.keyring.encrypt(TOTP_SECRET), enabled: true, backupCodes: [t.env.keyring.encrypt('aaaa-bbbb')] });
  }
  return { id: user.id, email, password, secret: options.twoFactor ? TOTP_SECRET : undefined };
}

export async function createPlainUser(t: TestContext, values: Partial<typeof s.users.$inferInsert> = {}) {
  const [user] = await t.database.db.insert(s.users).values({ fullName: `Trader ${++counter}`, telegramChatId: `${9000 + counter}${Date.now() % 100000}`, ...values }).returning();
  return user;
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), written out from the RFC rather than the library. */
export function totpCode(base32: string, at: Date): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32.replace(/=+$/, '')) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counterBuf = Buffer.alloc(8);
  counterBuf.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counterBuf).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

type App = Hono<any>;

export function bindings(ip = '198.51.100.7') {
  return { incoming: { socket: { remoteAddress: ip, remotePort: 50000, remoteFamily: 'IPv4' } } };
}

export interface Browserless {
  cookie: string;
  csrf: string;
}

export async function get(app: App, path: string, who?: Partial<Browserless>, ip?: string) {
  return app.request(path, { headers: { 'user-agent': UA, ...(who?.cookie ? { cookie: who.cookie } : {}) } }, bindings(ip));
}

export async function post(app: App, path: string, fields: Record<string, string>, who?: Partial<Browserless>, options: { origin?: string | null; ip?: string; csrf?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': UA };
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (who?.cookie) headers.cookie = who.cookie;
  const csrf = options.csrf ?? who?.csrf;
  const body = new URLSearchParams({ ...(csrf ? { _csrf: csrf } : {}), ...fields });
  return app.request(path, { method: 'POST', headers, body }, bindings(options.ip));
}

export function sessionCookie(res: Response): string | null {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /tw_session=([^;]*)/.exec(header);
  return match && match[1] ? `tw_session=${match[1]}` : null;
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

/** Sign in through the real form; returns the cookie and a CSRF token from the next page. */
export async function signIn(t: TestContext, app: App, staff: Staff, ip?: string): Promise<Browserless> {
  const fields: Record<string, string> = { email: staff.email, password: staff.password };
  if (staff.secret) fields.code = totpCode(staff.secret, t.clock.now());
  const res = await post(app, '/admin/login', fields, undefined, { ip });
  const cookie = sessionCookie(res);
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  let page = await get(app, '/admin/account', { cookie }, ip);
  if (page.status === 303) page = await get(app, page.headers.get('location')!, { cookie }, ip);
  return { cookie, csrf: csrfFrom(await page.text()) };
}
