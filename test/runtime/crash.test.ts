/**
 * Crash safety: the real service process runs paper bots on the replay feed and is killed with
 * SIGKILL at random moments in the middle of ticks, then restarted, several times. Afterwards no
 * order was placed twice, no fill was lost, and every bot's cash and positions reconcile
 * exactly (Decimal) with its trades.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { reconcile } from '../helpers/runner.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 5);
const KILLS_PER_ROUND = 3;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function startService(url: string, port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, MARKET_DATA: 'replay', REPLAY_SPEED: '3000',
      TICK_INTERVAL_SECONDS: '1', SEED_DEMO: 'true', LOG_LEVEL: 'error', MASTER_KEY: 'ab'.repeat(32), NODE_ENV: 'test',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('crash round %i', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('SIGKILL mid-tick loses and repeats nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tw-crash-'));
    const port = await freePort();
    const count = async (q: ReturnType<typeof sql>) => Number((await db.db.execute(q)).rows[0].n);
    const kills: number[] = [];
    for (let k = 0; k <= KILLS_PER_ROUND; k++) {
      const before = await count(sql`select count(*)::int as n from executions`);
      const child = startService(db.url, port, dataDir);
      children.add(child);
      child.once('exit', () => children.delete(child));
      // wait until this incarnation has ticked, then kill it at a random moment
      await waitFor(async () => (await count(sql`select count(*)::int as n from executions`)) > before + 3, 60_000);
      if (k === KILLS_PER_ROUND) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
        break;
      }
      const delay = Math.floor(Math.random() * 1500);
      kills.push(delay);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }

    const bots = await db.db.select().from(s.bots);
    expect(bots.length).toBeGreaterThanOrEqual(5);
    const t = { database: db } as Parameters<typeof reconcile>[0];
    for (const bot of bots) {
      const r = await reconcile(t, bot.id);
      expect(r.cashMatches, `${bot.name}: cash ${r.cash.toFixed()} vs ${r.bot.currentBalance.toFixed()} (kills at ${kills.join(', ')} ms)`).toBe(true);
      expect(r.positionMismatches, bot.name).toEqual([]);
      expect(r.closedNotFlat, bot.name).toEqual([]);
    }
    // no order placed twice: one order row per (bot, engine tag); no fill lost: each filled order has exactly one trade
    expect(await count(sql`select count(*)::int as n from (select bot_id, tag from orders group by 1, 2 having count(*) > 1) d`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from orders o where o.status = 'filled' and (select count(*) from trades t where t.order_id = o.id) <> 1`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from trades t left join orders o on o.id = t.order_id where o.id is null or o.status <> 'filled'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from trades`)).toBeGreaterThan(0);
  }, 180_000);
});
