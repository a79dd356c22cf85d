/**
 * Broadcasts through the job queue and a fake Bot API: every recipient gets the message once,
 * blocked contacts are marked and skipped, 429s are honoured, and a worker process killed
 * mid-broadcast is resumed without messaging anyone twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommunityJobs } from '../../../src/jobs/community.ts';
import { deterministicUuid } from '../../../src/services/broadcasts/deterministic-uuid.ts';
import { createBroadcast, getBroadcastProgress, startBroadcast } from '../../../src/services/broadcasts/manage-broadcasts.ts';
import { reconcileBroadcasts } from '../../../src/services/broadcasts/reconcile-broadcasts.ts';
import { createKeyring } from '../../../src/services/core/keyring.ts';
import { startQueue, type JobQueue } from '../../../src/services/core/queue.ts';
import { ensureStaff, makeTenant, staffActor, systemActor } from '../../helpers/community.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../helpers/fake-telegram.ts';

const t = useTestDatabase();
const KEY = randomBytes(32);
let tg: FakeTelegram;
let queue: JobQueue;
const children: ChildProcess[] = [];

async function setupTenant(id: string, token: string, contacts: number, firstChat: number) {
  await makeTenant(t, id);
  await t.database.pool.query(`insert into tenant_bot_connections (id, tenant_id, bot_role, bot_token_encrypted, webhook_secret) values ($1, $2, 'message_bot', $3, $4)`, [`conn-${id}`, id, t.env.keyring.encrypt(token), t.env.keyring.encrypt('s')]);
  await t.database.pool.query(`insert into bot_users (id, tenant_id, chat_id) select $1 || g, $2, $3 + g from generate_series(0, $4 - 1) g`, [`${id}-u`, id, firstChat, contacts]);
}
/** Chats a token's sendMessage calls went to (including refused tries). */
const sentTo = (token: string) => tg.calls.filter((c) => c.method === 'sendMessage' && c.token === token).map((c) => Number(c.payload.chat_id));
/** How many messages Telegram accepted per chat (status 200). */
function deliveredPerChat(token: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of tg.calls) if (c.method === 'sendMessage' && c.token === token && c.status === 200) out.set(Number(c.payload.chat_id), (out.get(Number(c.payload.chat_id)) ?? 0) + 1);
  return out;
}

async function waitFor(check: () => Promise<boolean>, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}
const progress = (tenantId: string, broadcastId: string) => getBroadcastProgress({ ctx: t.ctx(staffActor), input: { tenantId, broadcastId } });

beforeAll(async () => {
  await ensureStaff(t);
  t.env.keyring = createKeyring(new Map([[1, KEY]]), 1);
  tg = await startFakeTelegram({ perSecondPerToken: 30 });
  t.env.config = { ...t.env.config, TELEGRAM_API_ROOT: tg.apiRoot };
  queue = await startQueue(t.database.url, t.logger, { supervise: false });
  t.env.queue = queue;
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await queue?.stop();
  await tg?.close();
});

describe('broadcasts', () => {
  it('fans out one job per recipient with deterministic ids; marks blocked contacts; honours 429', async () => {
    await setupTenant('bc1', '500001:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 40, 1000);
    await t.database.pool.query(`update bot_users set blocked_at = now() where tenant_id = 'bc1' and chat_id = 1001`); // already known blocked: not a recipient
    tg.blockedChats.add(1002); // blocks the bot now: 403
    let first429 = true;
    tg.intercept = (call) => {
      if (call.method === 'sendMessage' && Number(call.payload.chat_id) === 1003 && first429) {
        first429 = false;
        return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
      }
      return undefined;
    };
    const b = await createBroadcast({ ctx: t.ctx(staffActor), input: { tenantId: 'bc1', message: 'Hello members!' } });
    expect(await startBroadcast({ ctx: t.ctx(staffActor), input: { tenantId: 'bc1', broadcastId: b.id } })).toEqual({ broadcastId: b.id, recipients: 39 });
    const jobs = await queue.boss.getDb().executeSql(`select id::text from pgboss.job where name = 'community.broadcast-send'`, []);
    const u = (await t.database.pool.query(`select id from bot_users where tenant_id = 'bc1' and chat_id = 1000`)).rows[0].id;
    expect((jobs.rows as { id: string }[]).map((r) => r.id)).toContain(deterministicUuid(`${b.id}:${u}`));
    await registerCommunityJobs(t.env).startWorkers({ broadcastWorkers: 2 });
    await waitFor(async () => (await progress('bc1', b.id)).status === 'completed');
    const p = await progress('bc1', b.id);
    expect(p).toMatchObject({ recipients: 39, sent: 38, blocked: 1, pending: 0, sending: 0, unknown: 0, failed: 0, done: 39 });
    const chats = sentTo('500001:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(chats).not.toContain(1001);
    expect(chats.filter((c) => c === 1003)).toHaveLength(2); // refused once with 429, then delivered
    expect([...deliveredPerChat('500001:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').values()].every((n) => n === 1)).toBe(true);
    expect((await t.database.pool.query(`select blocked_at from bot_users where tenant_id = 'bc1' and chat_id = 1002`)).rows[0].blocked_at).not.toBeNull();
    tg.intercept = null;
  });

  it('resumes after the worker process is killed, without messaging anyone twice', async () => {
    const token = '500002:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    await setupTenant('bc2', token, 150, 20_000);
    const b = await createBroadcast({ ctx: t.ctx(staffActor), input: { tenantId: 'bc2', message: 'Big news' } });
    await startBroadcast({ ctx: t.ctx(staffActor), input: { tenantId: 'bc2', broadcastId: b.id } });
    // another process runs the workers; the in-process workers of the first test stay away from it
    await queue.boss.offWork('community.broadcast-send');
    const worker = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../../bench/broadcast-worker.ts')], {
      env: { ...process.env, WORKER_DATABASE_URL: t.database.url, WORKER_MASTER_KEY: KEY.toString('hex'), TELEGRAM_API_ROOT: tg.apiRoot },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(worker);
    await waitFor(async () => sentTo(token).length >= 50, 60_000);
    worker.kill('SIGKILL');
    await new Promise((r) => worker.once('exit', r));
    const atKill = await progress('bc2', b.id);
    expect(atKill.pending).toBeGreaterThan(0);
    expect(atKill.status).toBe('processing');

    // restart: reconcile (the dead worker's in-flight sends become 'unknown'), then new workers
    t.clock.set(Date.now() + 1000);
    await reconcileBroadcasts({ ctx: t.ctx(systemActor), input: { staleAfterMs: 0, staleJobSeconds: 0 } });
    await registerCommunityJobs(t.env).startWorkers({ broadcastWorkers: 2 });
    await waitFor(async () => (await progress('bc2', b.id)).status === 'completed', 60_000);

    const p = await progress('bc2', b.id);
    expect(p.pending + p.sending).toBe(0);
    expect(p.sent + p.unknown).toBe(150);
    // nobody got the message twice (a refused 429 try is not a message)
    const deliveredTo = deliveredPerChat(token);
    expect([...deliveredTo.values()].every((n) => n === 1)).toBe(true);
    const rows = (await t.database.pool.query(`select chat_id, status from broadcast_deliveries where broadcast_id = $1`, [b.id])).rows;
    for (const r of rows) {
      if (r.status === 'sent') expect(deliveredTo.get(Number(r.chat_id))).toBe(1);
      else expect(r.status).toBe('unknown');
    }
    expect(deliveredTo.size).toBeGreaterThanOrEqual(p.sent);
  }, 120_000);
});
