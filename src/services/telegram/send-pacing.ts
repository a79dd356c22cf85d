/**
 * Send pacing shared by every worker and process, in Postgres (GCRA): each key (a bot token, a
 * chat) has a next_at; reserving a slot returns max(next_at, now) and moves next_at one
 * interval on, in one atomic statement, so N workers together never exceed the rate. The
 * database clock is the one clock all workers agree on. A 429 pushes next_at by retry_after.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/** Reserve the next slot; returns how many ms to wait before sending (0 = now). */
export async function reserveSendSlot(db: DbOrTx, key: string, intervalMs: number): Promise<number> {
  const interval = `${intervalMs} milliseconds`;
  const result = await db.execute<{ wait_ms: number }>(sql`
    insert into send_rate_limits (key, next_at) values (${key}, clock_timestamp() + ${interval}::interval)
    on conflict (key) do update set next_at = greatest(send_rate_limits.next_at, clock_timestamp()) + ${interval}::interval
    returning greatest(0, extract(epoch from (next_at - ${interval}::interval - clock_timestamp())) * 1000)::float8 as wait_ms`);
  return Math.ceil(Number(result.rows[0]?.wait_ms ?? 0));
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
