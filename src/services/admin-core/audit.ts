/** Console audit rows: writeAudit plus how the admin came in (session or API key). */
import type { DbOrTx } from '../../db/client.ts';
import { writeAudit } from '../core/audit.ts';
import type { ServiceContext } from '../core/context.ts';

export async function auditAdmin(tx: DbOrTx, ctx: ServiceContext, action: string, details: Record<string, unknown> = {}): Promise<void> {
  const via = ctx.actor.kind === 'admin' ? ctx.actor.via : undefined;
  await writeAudit(tx, ctx, action, via ? { ...details, via } : details);
}
