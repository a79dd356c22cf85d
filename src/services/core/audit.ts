/** Audit rows `{entity}.{verb}`, written in the same transaction as the change they record. */
import type { DbOrTx } from '../../db/client.ts';
import { auditLogs } from '../../db/schema/index.ts';
import { actorUserId, type ServiceContext } from './context.ts';

export async function writeAudit(tx: DbOrTx, ctx: ServiceContext, action: string, details: Record<string, unknown> = {}): Promise<void> {
  const actor = ctx.actor;
  await tx.insert(auditLogs).values({
    userId: actorUserId(actor),
    action,
    details,
    ipAddress: 'ip' in actor ? (actor.ip ?? null) : null,
    actorType: actor.kind,
    requestId: ctx.requestId,
    createdAt: ctx.env.clock.now(),
  });
}
