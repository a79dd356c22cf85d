/**
 * The database a benchmark runs on: DATABASE_URL when set (a fresh database is created on that
 * server), else an embedded Postgres in a temporary folder with its default durability
 * (fsync on: an acknowledged signal is on disk). Migrated before use.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const logger = createLogger({ level: 'silent' });
  const dbName = `${name}_${Date.now().toString(36)}`;
  if (process.env.DATABASE_URL) {
    await ensureDatabase(process.env.DATABASE_URL, dbName);
    const url = withDatabase(process.env.DATABASE_URL, dbName);
    await migrateDatabase(url);
    return { url, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), `tradewire-${name}-`)), port: await freePort(), logger, settings: { max_connections: '200' } });
  await ensureDatabase(server.url('postgres'), dbName);
  const url = server.url(dbName);
  await migrateDatabase(url);
  return { url, stop: () => server.stop() };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
