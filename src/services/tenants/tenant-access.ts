/**
 * Tenant scoping: every verb of the community area names a tenant and checks the actor may act
 * for it. Platform staff and jobs may act for any tenant; a webhook only for the tenant it
 * resolved to; a person only for tenants where tenant_users gives them a role.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { tenantUsers } from '../../db/schema/index.ts';
import { isStaff, type Actor } from '../core/context.ts';
import { forbidden } from '../core/errors.ts';

export const tenantIdSchema = z
  .string({ message: 'tenantId is required' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'must be a slug: lower-case letters, digits, - and _');

export type TenantRole = 'admin' | 'member';

export async function assertTenantAccess(tx: DbOrTx, actor: Actor, tenantId: string, role: TenantRole = 'admin'): Promise<void> {
  if (actor.kind === 'system' || isStaff(actor)) return;
  if (actor.kind === 'webhook') {
    if (actor.tenantId === tenantId) return;
    throw forbidden('This webhook does not belong to that tenant.');
  }
  const [link] = await tx
    .select({ role: tenantUsers.role })
    .from(tenantUsers)
    .where(and(eq(tenantUsers.tenantId, tenantId), eq(tenantUsers.userId, actor.userId)));
  if (!link) throw forbidden('You are not a member of this community.');
  if (role === 'admin' && link.role !== 'admin') throw forbidden('Only an admin of this community can do that.');
}
