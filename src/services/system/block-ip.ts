/** Add (or renew) a blocked IP (superadmin). Requests from it are refused before any work. */
import { isIP } from 'node:net';
import { z } from 'zod';
import { blockedIps } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { invalid } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isSuperadmin } from '../admin-core/roles.ts';

export const blockIp = defineVerb({
  name: 'blocked_ip.create',
  input: z.object({
    ipAddress: z.string().trim().refine((v) => isIP(v) !== 0, 'Enter an IPv4 or IPv6 address.'),
    reason: z.string().trim().min(1, 'Say why.').max(500),
    expiresAt: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.date().optional()),
  }),
  allow: isSuperadmin,
  run: async ({ ctx, input, tx }) => {
    const now = ctx.env.clock.now();
    if (input.expiresAt && input.expiresAt <= now) throw invalid('The expiry must be in the future.', [{ field: 'expiresAt', message: 'in the past' }]);
    if (ctx.actor.kind === 'admin' && ctx.actor.ip === input.ipAddress) throw invalid('That is your own address.', [{ field: 'ipAddress', message: 'your own address' }]);
    const values = { reason: input.reason, blockedAt: now, expiresAt: input.expiresAt ?? null, createdBy: actorUserId(ctx.actor) };
    const [row] = await tx
      .insert(blockedIps)
      .values({ ipAddress: input.ipAddress, ...values })
      .onConflictDoUpdate({ target: blockedIps.ipAddress, set: values })
      .returning();
    await auditAdmin(tx, ctx, 'blocked_ip.create', { ipAddress: row.ipAddress, reason: row.reason, expiresAt: row.expiresAt });
    return row;
  },
});
