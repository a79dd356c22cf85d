/**
 * Column helpers shared by every schema file. Columns are declared in camelCase and mapped
 * to snake_case by drizzle's `casing: 'snake_case'` (client.ts and drizzle.config.ts).
 */
import { createId } from '../shared/ids.ts';
import { sql } from 'drizzle-orm';
import { check, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { decimal } from './decimal.ts';

export { decimal };

/** CUID2 text primary key. */
export const id = () => text().primaryKey().$defaultFn(() => createId());

export const tstz = () => timestamp({ withTimezone: true, mode: 'date' });
export const createdAt = () => tstz().notNull().defaultNow();
export const updatedAt = () => tstz().notNull().defaultNow().$onUpdate(() => new Date());

/** An enumeration kept as a CHECK constraint, so adding a value is a plain migration. */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  return check(name, sql`${column} in (${sql.raw(list)})`);
}

/** An integer range kept as a CHECK constraint. */
export function between(name: string, column: AnyPgColumn, min: number, max: number) {
  return check(name, sql`${column} between ${sql.raw(String(min))} and ${sql.raw(String(max))}`);
}
