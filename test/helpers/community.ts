/** Fixtures for the signals and communities tests: actors, tenants and request helpers. */
import { readFileSync } from 'node:fs';
import type { Actor } from '../../src/services/core/context.ts';
import { createTenant } from '../../src/services/tenants/create-tenant.ts';
import { signBody } from '../../src/services/signals/authenticate-signal-request.ts';
import type { TestContext } from './db.ts';

export const systemActor: Actor = { kind: 'system', job: 'test' };
export const staffActor: Actor = { kind: 'admin', userId: 'staff', role: 'admin' };

export function readFixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

export async function makeTenant(t: TestContext, id: string, timezone = 'UTC') {
  return createTenant({ ctx: t.ctx(systemActor), input: { id, name: id.toUpperCase(), timezone } });
}

export function signedHeaders(secret: string, body: string, nowMs: number, extra: Record<string, string> = {}): Record<string, string> {
  const ts = String(Math.floor(nowMs / 1000));
  return { 'content-type': 'application/json', 'x-tradewire-timestamp': ts, 'x-tradewire-signature': signBody(secret, ts, body), ...extra };
}

/** The staff user's row (audit rows reference users). Call in beforeAll. */
export async function ensureStaff(t: TestContext): Promise<void> {
  await t.database.pool.query(`insert into users (id, role) values ('staff', 'admin') on conflict do nothing`);
}

/** Insert a user row (tenant admins are users). */
export async function makeUser(t: TestContext, id: string): Promise<string> {
  await t.database.pool.query(`insert into users (id, role) values ($1, 'user')`, [id]);
  return id;
}
