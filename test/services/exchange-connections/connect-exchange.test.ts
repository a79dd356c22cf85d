import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import { connectExchange } from '../../../src/services/exchange-connections/connect-exchange.ts';
import { disconnectExchange } from '../../../src/services/exchange-connections/disconnect-exchange.ts';
import { listExchangeConnections } from '../../../src/services/exchange-connections/list-connections.ts';
import { ServiceError } from '../../../src/services/core/errors.ts';
import { FakeVenue } from '../../helpers/fake-venue.ts';
import { consoleActor, createUser } from '../../helpers/actors.ts';
import { useTestDatabase } from '../../helpers/db.ts';

const t = useTestDatabase();
const markets = Object.fromEntries(['binance', 'okx', 'bybit'].map((v) => [v, JSON.parse(readFileSync(new URL(`../../fixtures/markets/${v}.json`, import.meta.url), 'utf8'))]));
const API_KEY = 'AKfake0123456789abcdefXYZ';
const SECRET = 'SKfake0123456789abcdefSECRET';

function withVenue(fake: FakeVenue) {
  t.env.exchangeTransport = { fetchImplementation: fake.fetch, markets };
}

describe('connectExchange', () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await createUser(t)).id;
  });

  it('stores a read+trade key encrypted and never returns it', async () => {
    withVenue(new FakeVenue('binance'));
    const result = await connectExchange({ ctx: t.ctx(consoleActor(userId)), input: { exchange: 'binance', apiKey: API_KEY, secret: SECRET } });
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    const [row] = await t.database.db.select().from(s.exchangeConnections).where(eq(s.exchangeConnections.id, result.id));
    expect(row.encryptedApiKey).not.toContain(API_KEY);
    expect(row.encryptedSecretKey).not.toContain(SECRET);
    expect(t.env.keyring.decrypt(row.encryptedApiKey)).toBe(API_KEY);
    expect(t.env.keyring.decrypt(row.encryptedSecretKey)).toBe(SECRET);
    const audit = await t.database.db.select().from(s.auditLogs).where(eq(s.auditLogs.action, 'exchange_connection.connect'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].details)).not.toContain(API_KEY);
    const list = await listExchangeConnections({ ctx: t.ctx(consoleActor(userId)), input: {} });
    expect(list.map((c) => c.exchange)).toEqual(['binance']);
  });

  it.each(['binance', 'okx', 'bybit'] as const)('refuses a %s key that can withdraw, and stores nothing', async (exchange) => {
    withVenue(new FakeVenue(exchange, { permissions: { withdraw: true } }));
    const other = await createUser(t);
    const error = await connectExchange({ ctx: t.ctx(consoleActor(other.id)), input: { exchange, apiKey: API_KEY, secret: SECRET, passphrase: 'pass-phrase' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/can withdraw funds/);
    const rows = await t.database.db.select().from(s.exchangeConnections).where(eq(s.exchangeConnections.userId, other.id));
    expect(rows).toEqual([]);
  });

  it('explains a rejected key in plain words', async () => {
    withVenue(new FakeVenue('bybit', { failWith: 401 }));
    const error = await connectExchange({ ctx: t.ctx(consoleActor(userId)), input: { exchange: 'bybit', apiKey: API_KEY, secret: SECRET } }).catch((e) => e);
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/rejected the API key/);
  });

  it('asks for the OKX passphrase and validates input before calling anyone', async () => {
    const fake = new FakeVenue('okx');
    withVenue(fake);
    const missing = await connectExchange({ ctx: t.ctx(consoleActor(userId)), input: { exchange: 'okx', apiKey: API_KEY, secret: SECRET } }).catch((e) => e);
    expect(missing.code).toBe('VALIDATION');
    const bad = await connectExchange({ ctx: t.ctx(consoleActor(userId)), input: { exchange: 'kraken' as never, apiKey: 'x', secret: SECRET } }).catch((e) => e);
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['exchange', 'apiKey']));
    expect(fake.createCalls).toBe(0);
  });

  it('disconnects and pauses live bots on that connection', async () => {
    const user = await createUser(t);
    withVenue(new FakeVenue('okx'));
    const conn = await connectExchange({ ctx: t.ctx(consoleActor(user.id)), input: { exchange: 'okx', apiKey: API_KEY, secret: SECRET, passphrase: 'p4ss' } });
    await t.database.db.insert(s.bots).values({ userId: user.id, name: 'live', status: 'active', paperTrading: false, exchange: 'okx', exchangeConnectionId: conn.id });
    const result = await disconnectExchange({ ctx: t.ctx(consoleActor(user.id)), input: { exchange: 'okx' } });
    expect(result.pausedBots).toBe(1);
    const [bot] = await t.database.db.select().from(s.bots).where(eq(s.bots.userId, user.id));
    expect(bot.status).toBe('paused');
    expect(bot.exchangeConnectionId).toBeNull();
  });
});
