/**
 * Invite a staff member (superadmin): a one-time setup link (24 h) to choose a name and password.
 * An existing account with that email gets the role and a link to set its console password.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { forbidden } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isSuperadmin } from '../admin-core/roles.ts';
import { SETUP_LINK_TTL_MS } from '../admin-auth/policy.ts';
import { newOpaqueToken, sha256Hex } from '../admin-auth/secrets.ts';

export const inviteStaff = defineVerb({
  name: 'user.invite_staff',
  input: z.object({ email: z.email('Enter a valid email address.').trim().toLowerCase(), role: z.enum(['admin', 'superadmin']) }),
  allow: isSuperadmin,
  run: async ({ ctx, input, tx }) => {
    const now = ctx.env.clock.now();
    const token = newOpaqueToken();
    const expiresAt = new Date(now.getTime() + SETUP_LINK_TTL_MS);
    const link = { resetPasswordToken: sha256Hex(token), resetPasswordExpiry: expiresAt, role: input.role, updatedAt: now };
    const [existing] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, input.email)).for('update');
    if (existing && existing.status !== 'active' && existing.password) throw forbidden(`That account is ${existing.status}; reactivate it first.`);
    let userId: string;
    if (existing) {
      await tx.update(users).set(link).where(eq(users.id, existing.id));
      userId = existing.id;
    } else {
      const [row] = await tx.insert(users).values({ ...link, email: input.email, status: 'disabled', createdAt: now }).returning({ id: users.id });
      userId = row.id;
    }
    await auditAdmin(tx, ctx, 'user.invite_staff', { targetUserId: userId, email: input.email, role: input.role });
    return { userId, token, expiresAt };
  },
});
