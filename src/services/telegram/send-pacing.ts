/**
 * Send pacing shared by every worker and process, in Postgres (send_rate_limits), on the
 * database clock that every worker agrees on.
 * - Per bot token, evenly spaced slots (reserveTokenSlot); a 429 pushes the next slot past
 *   retry_after (pauseSending), for every worker at once.
 * - Per chat, a slot every interval, taken only if free now (senders skip the chat).
 */
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';

/**
 * Telegram allows about 30 messages per second per bot; we send one every 35 ms (28.6/s). A
 * send reaches Telegram a little after its slot (late timers on a busy machine, the trip), and
 * the spare capacity absorbs up to ~50 ms of such jitter before Telegram would count 31 in a
 * second and answer 429.
 */
export const TOKEN_INTERVAL_MS = 35;

/**
 * Reserve this token's next send slot (GCRA: next_at = max(next_at, now) + interval, one atomic
 * statement, so workers of every process get distinct slots without polling). Returns the slot
 * as a local deadline (performance.now() time) to sleep until before sending. The bookkeeping
 * skips the WAL flush: losing it in a crash costs at most a 429.
 */
export async function reserveTokenSlot(db: Db, key: string, intervalMs = TOKEN_INTERVAL_MS): Promise<number> {
  const interval = `${intervalMs} milliseconds`;
  const asked = performance.now();
  const waitMs = await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    const result = await tx.execute<{ wait_ms: number }>(sql`
      insert into send_rate_limits (key, next_at) values (${key}, clock_timestamp() + ${interval}::interval)
      on conflict (key) do update set next_at = greatest(send_rate_limits.next_at, clock_timestamp()) + ${interval}::interval
      returning greatest(0, extract(epoch from (next_at - ${interval}::interval - clock_timestamp())) * 1000)::float8 as wait_ms`);
    return Number(result.rows[0]?.wait_ms ?? 0);
  });
  return asked + waitMs;
}

export async function sleepUntil(deadline: number): Promise<void> {
  const ms = deadline - performance.now();
  if (ms > 0) await sleep(ms);
}

/** Take a slot only if one is free now (for senders that would rather skip than wait). */
export async function tryTakeSendSlot(db: DbOrTx, key: string, intervalMs: number): Promise<boolean> {
  const interval = `${intervalMs} milliseconds`;
  const result = await db.execute(sql`
    insert into send_rate_limits as r (key, next_at) values (${key}, clock_timestamp() + ${interval}::interval)
    on conflict (key) do update set next_at = clock_timestamp() + ${interval}::interval
    where r.next_at <= clock_timestamp()
    returning 1`);
  return result.rows.length > 0;
}

/** After a 429: nobody sends on this key before retry_after has passed. */
export async function pauseSending(db: DbOrTx, key: string, ms: number): Promise<void> {
  const interval = `${ms} milliseconds`;
  await db.execute(sql`
    insert into send_rate_limits (key, next_at) values (${key}, clock_timestamp() + ${interval}::interval)
    on conflict (key) do update set next_at = greatest(send_rate_limits.next_at, clock_timestamp() + ${interval}::interval)`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
