/**
 * Who may manage a signal provider: its owner (a user), an admin of its community (a tenant),
 * or platform staff (and staff alone for platform providers, which have neither).
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { signalProviders } from '../../db/schema/index.ts';
import { isSystemOrStaff, type Actor } from '../core/context.ts';
import { forbidden, notFound } from '../core/errors.ts';
import { assertTenantAccess } from '../tenants/tenant-access.ts';

export type ProviderRow = typeof signalProviders.$inferSelect;

export async function loadManagedProvider(tx: DbOrTx, actor: Actor, providerId: string): Promise<ProviderRow> {
  const [row] = await tx.select().from(signalProviders).where(eq(signalProviders.id, providerId));
  if (!row) throw notFound('This signal provider');
  if (isSystemOrStaff(actor)) return row;
  if (row.tenantId) {
    await assertTenantAccess(tx, actor, row.tenantId, 'admin').catch(() => {
      throw notFound('This signal provider'); // do not reveal other communities' providers
    });
    return row;
  }
  if (row.ownerUserId && 'userId' in actor && actor.userId === row.ownerUserId) return row;
  throw row.ownerUserId ? notFound('This signal provider') : forbidden();
}
