/** Tickets are shown as #<last 6 characters of the id>; a chat user may type that or the full id. */
import { and, eq, like, or } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { supportTickets } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';

export const ticketRef = z.string().trim().toLowerCase().transform((v) => v.replace(/^#/, '')).pipe(z.string().regex(/^[a-z0-9]{6,32}$/, 'A ticket number looks like #a1b2c3'));

export function shortTicketRef(id: string): string {
  return id.slice(-6);
}

/** The caller's own ticket by ref; someone else's ticket is simply "not found". */
export async function findOwnTicket(tx: DbOrTx, userId: string, ref: string, lock = false) {
  const query = tx
    .select()
    .from(supportTickets)
    .where(and(eq(supportTickets.userId, userId), or(eq(supportTickets.id, ref), like(supportTickets.id, `%${ref}`))));
  const rows = lock ? await query.for('update') : await query;
  if (rows.length !== 1) throw notFound('That ticket');
  return rows[0];
}
