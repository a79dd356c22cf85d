/**
 * Apply the committed migrations at start-up, under a Postgres advisory lock so that two
 * processes starting together do not race, then check that every journal entry was applied.
 *
 * drizzle's migrator applies only entries whose `when` is newer than the newest applied one,
 * silently skipping out-of-order entries (PITFALLS.md): we check the order before migrating
 * and the applied count after.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const LOCK_KEY = 7_406_512_001; // arbitrary, stable: "tradewire migrations"

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function readJournal(folder = MIGRATIONS_FOLDER): Journal {
  return JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as Journal;
}

export interface MigrationResult {
  applied: number; // applied during this call
  total: number; // journal length
}

export async function migrateDatabase(url: string, folder = MIGRATIONS_FOLDER): Promise<MigrationResult> {
  const journal = readJournal(folder);
  for (let i = 1; i < journal.entries.length; i++) {
    if (journal.entries[i].when <= journal.entries[i - 1].when) {
      throw new Error(`Migration ${journal.entries[i].tag} is dated before ${journal.entries[i - 1].tag}; drizzle would skip it silently. Regenerate it so the journal's "when" increases.`);
    }
  }
  const client = new pg.Client({ connectionString: url, application_name: 'tradewire-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    const before = await appliedCount(client);
    await migrate(drizzle(client), { migrationsFolder: folder });
    const after = await appliedCount(client);
    if (after !== journal.entries.length) {
      throw new Error(`Database has ${after} applied migrations but the journal lists ${journal.entries.length}. Refusing to start on a schema that does not match the code.`);
    }
    return { applied: after - before, total: journal.entries.length };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function appliedCount(client: pg.Client): Promise<number> {
  const exists = await client.query(`select to_regclass('drizzle.__drizzle_migrations') as t`);
  if (!exists.rows[0].t) return 0;
  const r = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
  return r.rows[0].n as number;
}
