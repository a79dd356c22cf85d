import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { createKeyring, loadKeyring } from '../../../src/services/core/keyring.ts';
import { startQueue, type JobQueue } from '../../../src/services/core/queue.ts';
import { useTestDatabase } from '../../helpers/db.ts';

describe('keyring', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('round-trips and never repeats a ciphertext', () => {
    const ring = createKeyring(new Map([[1, k1]]), 1);
    const a = ring.encrypt('api-secret-ü');
    const b = ring.encrypt('api-secret-ü');
    expect(a).not.toBe(b);
    expect(a).not.toContain('api-secret');
    expect(ring.decrypt(a)).toBe('api-secret-ü');
  });

  it('decrypts values written under an older key after rotation', () => {
    const old = createKeyring(new Map([[1, k1]]), 1);
    const sealed = old.encrypt('legacy');
    const rotated = createKeyring(new Map([[1, k1], [2, k2]]), 2);
    expect(rotated.decrypt(sealed)).toBe('legacy');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('x'))).toBe(false);
  });

  it('detects tampering', () => {
    const ring = createKeyring(new Map([[1, k1]]), 1);
    const parts = ring.encrypt('value').split(':');
    parts[3] = Buffer.from('evil').toString('base64url');
    expect(() => ring.decrypt(parts.join(':'))).toThrow();
  });

  it('generates a 0600 key file once when MASTER_KEY is unset', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tw-key-'));
    const config = loadConfig({ DATA_DIR: dir });
    const logger = createLogger({ level: 'silent' });
    const first = loadKeyring(config, logger);
    const sealed = first.encrypt('kept');
    expect(statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(loadKeyring(config, logger).decrypt(sealed)).toBe('kept');
  });

  it('uses MASTER_KEY with previous keys for rotation', () => {
    const previous = `1:${k1.toString('hex')}`;
    const ring = loadKeyring(loadConfig({ MASTER_KEY: k2.toString('hex'), MASTER_KEY_PREVIOUS: previous }), createLogger({ level: 'silent' }));
    expect(ring.currentVersion).toBe(2);
    expect(ring.decrypt(createKeyring(new Map([[1, k1]]), 1).encrypt('old'))).toBe('old');
  });
});

describe('job queue', () => {
  const t = useTestDatabase();
  let queue: JobQueue;
  afterAll(async () => {
    await queue?.stop();
  });

  it('enqueues inside a transaction: a rolled-back change leaves no job', async () => {
    queue = await startQueue(t.database.url, t.logger, { supervise: false });
    await queue.ensureQueue('test-tx');
    await t.database.db.transaction(async (tx) => {
      await queue.send('test-tx', { n: 1 }, { tx });
    });
    await t.database.db
      .transaction(async (tx) => {
        await queue.send('test-tx', { n: 2 }, { tx });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await queue.queueSize('test-tx')).toBe(1);
    const stats = await queue.stats();
    expect(stats.find((s) => s.name === 'test-tx')?.queued).toBe(1);
  });

  it('deduplicates by deterministic job id and delivers to a worker', async () => {
    const id = '6f1c1f8e-6f55-4d3b-9c54-1f1f1f1f1f1f';
    await queue.send('test-dedupe', { n: 1 }, { id });
    await queue.send('test-dedupe', { n: 1 }, { id });
    expect(await queue.queueSize('test-dedupe')).toBe(1);
    const seen: number[] = [];
    await new Promise<void>((resolve) => {
      void queue.work<{ n: number }>('test-dedupe', { pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const j of jobs) seen.push(j.data.n);
        resolve();
      });
    });
    expect(seen).toEqual([1]);
    const rows = await t.database.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'test-dedupe'`);
    expect(rows.rows[0].n).toBe(1);
  });
});
