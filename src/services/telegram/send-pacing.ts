/**
 * Send pacing shared by every worker and process, in Postgres (send_rate_limits), on the
 * database clock that every worker agrees on.
 * - Per bot token, a sliding window: a send is permitted when fewer than `limit` sends were
 *   recorded in the last window; the permit is recorded by the same atomic UPDATE, right
 *   before the HTTP call. Timers that fire late (a busy machine) then cannot bunch several
 *   workers' sends into one second, which a pre-booked schedule would allow. The bookkeeping
 *   commit skips the WAL flush (synchronous_commit off): losing it in a crash costs at most a
 *   429. A 429 fills the window until retry_after has passed.
 * - Per chat, a slot every interval (next_at), taken only if free now (senders skip the chat).
 */
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';

/**
 * Telegram allows about 30 messages per second per bot. We permit 29 in any second: a send
 * reaches Telegram a little after its permit, and the spare one absorbs that jitter (up to
 * ~34 ms) without a 429.
 */
export const TOKEN_LIMIT = { limit: 29, windowMs: 1000 };

/**
 * Take a send permit for a token now: returns 0 when permitted (and recorded), else how many
 * ms to wait before asking again.
 */
export async function takeSendPermit(db: Db, key: string, limit = TOKEN_LIMIT.limit, windowMs = TOKEN_LIMIT.windowMs): Promise<number> {
  const window = `${windowMs} milliseconds`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    const result = await tx.execute<{ wait_ms: number | null; permitted: boolean }>(sql`
      with upd as (
        update send_rate_limits
           set recent = recent[greatest(1, cardinality(recent) - ${limit} + 2):cardinality(recent)] || clock_timestamp()
         where key = ${key}
           and (cardinality(recent) < ${limit} or recent[cardinality(recent) - ${limit} + 1] <= clock_timestamp() - ${window}::interval)
        returning 1)
      select exists (select 1 from upd) as permitted,
             (select extract(epoch from (recent[cardinality(recent) - ${limit} + 1] + ${window}::interval - clock_timestamp())) * 1000
                from send_rate_limits where key = ${key})::float8 as wait_ms`);
    const row = result.rows[0];
    if (row.permitted) return 0;
    if (row.wait_ms === null) {
      await tx.execute(sql`insert into send_rate_limits (key) values (${key}) on conflict do nothing`);
      return 1; // first use of this key: ask again
    }
    return Math.max(1, Math.ceil(Number(row.wait_ms)));
  });
}

/** After a 429 on a token: no permit until retry_after has passed. */
export async function pauseToken(db: DbOrTx, key: string, ms: number, limit = TOKEN_LIMIT.limit, windowMs = TOKEN_LIMIT.windowMs): Promise<void> {
  const until = `${ms - windowMs} milliseconds`;
  await db.execute(sql`
    insert into send_rate_limits (key, recent) values (${key}, array_fill(clock_timestamp() + ${until}::interval, array[${limit}::int]))
    on conflict (key) do update set recent = array_fill(clock_timestamp() + ${until}::interval, array[${limit}::int])`);
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
