/**
 * Vitest global setup: one Postgres for the whole run — the embedded one (a throwaway cluster
 * in the temp folder, on a free port) or DATABASE_URL when set — and one migrated, seeded
 * template database that every test file clones (CREATE DATABASE … TEMPLATE), which takes
 * a few milliseconds instead of a full migration.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/db/embedded.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../src/db/migrate.ts';
import { seedReferenceData } from '../../src/db/seed/index.ts';
import { createLogger } from '../../src/logger.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

let embedded: EmbeddedServer | null = null;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger({ level: 'silent' });
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tradewire-test-'));
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      logger,
      // a throwaway cluster: durability buys nothing here and costs seconds
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    adminUrl = embedded.url('postgres');
  }
  const template = `tw_template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
  if (exists.rowCount === 0) {
    await admin.query(`create database ${template}`);
    const url = withDatabase(adminUrl, template);
    await migrateDatabase(url);
    const database = connectDatabase(url, { poolSize: 2 });
    await seedReferenceData(database.db);
    await database.close();
  }
  await admin.end();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  return async () => {
    if (embedded) {
      await embedded.stop();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function migrationsHash(): string {
  const journal = readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'));
  const seed = readFileSync(new URL('../../src/db/seed/index.ts', import.meta.url));
  return createHash('sha256').update(journal).update(seed).digest('hex').slice(0, 12);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
