/**
 * Whether a user owns real data (bots, tickets, keys, journal trades, …) as opposed to only the
 * plumbing every chat user gets. Found from the catalog: every table with a foreign key to
 * users counts, except the plumbing below, so tables added by later domains count by default.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

export const PLUMBING_TABLES = new Set([
  'conversations', 'notifications', 'notification_preferences', 'privacy_settings', 'platform_link_codes',
  'audit_logs', 'security_logs', 'bot_users', 'referrals', 'login_history', 'sessions', 'known_devices',
]);

export async function userDataTables(db: DbOrTx, userId: string): Promise<string[]> {
  const fks = await db.execute<{ table_name: string; column_name: string }>(sql`
    select c.conrelid::regclass::text as table_name, a.attname as column_name
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
     where c.contype = 'f' and c.confrelid = 'users'::regclass`);
  const owned: string[] = [];
  for (const fk of fks.rows) {
    const table = fk.table_name.replace(/^public\./, '').replace(/"/g, '');
    if (PLUMBING_TABLES.has(table)) continue;
    const r = await db.execute<{ found: boolean }>(
      sql`select exists(select 1 from ${sql.identifier(table)} where ${sql.identifier(fk.column_name)} = ${userId}) as found`,
    );
    if (r.rows[0]?.found) owned.push(table);
  }
  return [...new Set(owned)];
}
