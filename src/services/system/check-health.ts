/** Health: the database answers and its schema matches the code's migrations. */
import { sql } from 'drizzle-orm';
import type { ServiceEnv } from '../core/context.ts';
import { readJournal } from '../../db/migrate.ts';

export interface Health {
  ok: boolean;
  database: 'up' | 'down';
  migrations: { applied: number; expected: number };
  latencyMs: number;
  error?: string;
}

export async function checkHealth(env: ServiceEnv): Promise<Health> {
  const started = performance.now();
  const expected = readJournal().entries.length;
  try {
    const result = await env.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const applied = Number(result.rows[0]?.n ?? 0);
    return { ok: applied === expected, database: 'up', migrations: { applied, expected }, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    env.logger.warn({ err: error }, 'health check failed');
    return { ok: false, database: 'down', migrations: { applied: 0, expected }, latencyMs: Math.round(performance.now() - started), error: 'database unreachable' };
  }
}
