/**
 * Is this address blocked right now? Called by the console and API middleware before anything
 * else (one indexed lookup). Any actor may ask: the request has no actor yet.
 */
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { ServiceContext } from '../core/context.ts';
import { blockedIps } from '../../db/schema/index.ts';

export async function checkIpBlocked({ ctx, input }: { ctx: ServiceContext; input: { ip: string } }): Promise<{ blocked: boolean; reason?: string }> {
  const db = ctx.db ?? ctx.env.db;
  const [row] = await db
    .select({ reason: blockedIps.reason })
    .from(blockedIps)
    .where(and(eq(blockedIps.ipAddress, input.ip), or(isNull(blockedIps.expiresAt), gt(blockedIps.expiresAt, ctx.env.clock.now()))));
  return row ? { blocked: true, reason: row.reason } : { blocked: false };
}
