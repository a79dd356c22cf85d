/**
 * Each test file gets its own fresh database, cloned from the migrated template.
 *   const t = useTestDatabase();           // in a describe or at file top level
 *   it('…', async () => { await t.env.db.select()… });
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { connectDatabase, type Database } from '../../src/db/client.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import type { ServiceContext, ServiceEnv, Actor } from '../../src/services/core/context.ts';
import { ManualClock } from '../../src/shared/clock.ts';
import { createKeyring } from '../../src/services/core/keyring.ts';
import { randomBytes as rb } from 'node:crypto';

export interface TestDatabase extends Database {
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `tw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(options.empty ? `create database ${name}` : `create database ${name} template ${inject('pgTemplate')}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = connectDatabase(url.toString(), { poolSize: 5 });
  return {
    ...database,
    name,
    async drop() {
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestContext {
  database: TestDatabase;
  env: ServiceEnv;
  clock: ManualClock;
  logger: Logger;
  config: Config;
  /** A service context for an actor. */
  ctx(actor: Actor, requestId?: string): ServiceContext;
}

/** Registers beforeAll/afterAll hooks; the returned object is filled before the first test. */
export function useTestDatabase(options: { config?: Record<string, string>; clock?: string } = {}): TestContext {
  const t = {} as TestContext;
  beforeAll(async () => {
    t.database = await createTestDatabase();
    t.clock = new ManualClock(options.clock ?? '2026-03-02T09:00:00Z');
    t.logger = createLogger({ level: 'silent' });
    t.config = loadConfig({ NODE_ENV: 'test', ...options.config });
    t.env = { db: t.database.db, clock: t.clock, logger: t.logger, config: t.config, keyring: createKeyring(new Map([[1, rb(32)]]), 1), queue: null };
    t.ctx = (actor, requestId = 'test') => ({ actor, requestId, env: t.env });
  });
  afterAll(async () => {
    await t.database?.drop();
  });
  return t;
}
