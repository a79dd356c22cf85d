/** Lock a ticket for a staff action. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { supportTickets } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';

export async function loadTicket(tx: DbOrTx, ticketId: string) {
  const [ticket] = await tx.select().from(supportTickets).where(eq(supportTickets.id, ticketId)).for('update');
  if (!ticket) throw notFound('That ticket');
  return ticket;
}
