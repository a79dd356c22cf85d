import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, migrateDatabase, readJournal } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

describe('migrations', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await empty.drop();
  });

  it('apply from zero, then again with nothing to do', async () => {
    const total = readJournal().entries.length;
    const first = await migrateDatabase(empty.url);
    expect(first).toEqual({ applied: total, total });
    const second = await migrateDatabase(empty.url);
    expect(second).toEqual({ applied: 0, total });
    const tables = await empty.pool.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    expect(tables.rows[0].n).toBeGreaterThanOrEqual(100);
  });

  it('two processes migrating the same fresh database at once both succeed', async () => {
    const fresh = await createTestDatabase({ empty: true });
    try {
      const results = await Promise.all([migrateDatabase(fresh.url), migrateDatabase(fresh.url)]);
      const total = readJournal().entries.length;
      expect(results.map((r) => r.applied).sort()).toEqual([0, total]);
      const n = await fresh.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(n.rows[0].n).toBe(total);
    } finally {
      await fresh.drop();
    }
  });

  it('refuses a journal whose dates go backwards (drizzle would skip silently)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tw-mig-'));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    journal.entries.push({ ...journal.entries[0], idx: journal.entries.length, tag: 'zz_out_of_order', when: journal.entries[0].when - 1 });
    writeFileSync(journalPath, JSON.stringify(journal));
    await expect(migrateDatabase(empty.url, folder)).rejects.toThrow(/dated before/);
  });

  it('fails loudly when the database is behind the journal', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tw-mig-'));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const db = await createTestDatabase({ empty: true });
    try {
      await migrateDatabase(db.url, folder);
      // Simulate a migration recorded as applied that the code does not know about.
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query(`insert into drizzle.__drizzle_migrations (hash, created_at) values ('unknown', 1)`);
      await c.end();
      await expect(migrateDatabase(db.url, folder)).rejects.toThrow(/applied migrations but the journal lists/);
    } finally {
      await db.drop();
    }
  });
});
