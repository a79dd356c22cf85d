/**
 * The first superadmin: while no active superadmin with a password exists, `npm start` and
 * `npm run admin:create` issue a one-time setup token (24 h). It lives as a pending invitation —
 * a users row with role superadmin, no password, status disabled and the token's SHA-256 in
 * reset_password_token. Each issue rotates the token, so only the latest printed link works.
 * `force` issues one even when a superadmin exists (recovery from the shell).
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { SETUP_LINK_TTL_MS } from './policy.ts';
import { newOpaqueToken, sha256Hex } from './secrets.ts';

export const issueFirstSuperadminLink = defineVerb({
  name: 'admin.issue_setup_link',
  input: z.object({ force: z.boolean().default(false) }),
  allow: (actor) => actor.kind === 'system',
  run: async ({ ctx, input, tx }): Promise<{ token: string; expiresAt: Date } | null> => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'superadmin'), eq(users.status, 'active'), isNotNull(users.password)))
      .limit(1);
    if (existing && !input.force) return null;
    const now = ctx.env.clock.now();
    const token = newOpaqueToken();
    const expiresAt = new Date(now.getTime() + SETUP_LINK_TTL_MS);
    const values = { resetPasswordToken: sha256Hex(token), resetPasswordExpiry: expiresAt, updatedAt: now };
    const [pending] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'superadmin'), isNull(users.password), isNull(users.email), isNotNull(users.resetPasswordToken)))
      .limit(1);
    if (pending) await tx.update(users).set(values).where(eq(users.id, pending.id));
    else await tx.insert(users).values({ ...values, role: 'superadmin', status: 'disabled', fullName: 'Pending superadmin', createdAt: now });
    return { token, expiresAt };
  },
});

export function setupUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/admin/setup/${token}`;
}
