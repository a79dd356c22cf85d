/** Load the user an admin action is about, refusing staff targets to non-superadmins. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { Actor } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { assertMayActOn } from '../admin-core/roles.ts';

export async function loadTarget(tx: DbOrTx, actor: Actor, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw notFound('That user');
  assertMayActOn(actor, user);
  return user;
}
