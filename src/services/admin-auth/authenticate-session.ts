/**
 * Resolve a console cookie to its staff member. A session is valid while unexpired and its user
 * is active staff. Superadmins without 2FA and accounts flagged for a password reset get a
 * session that only reaches their account page until they fix it.
 */
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, twoFactorAuth, users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaffRole } from '../admin-core/roles.ts';
import { sha256Hex } from './secrets.ts';
import { accountRefusal } from '../identity/account-status.ts';

export interface AdminSession {
  sessionId: string;
  userId: string;
  role: 'admin' | 'superadmin';
  email: string | null;
  name: string;
  expiresAt: Date;
  twoFactorEnabled: boolean;
  mustSetUpTwoFactor: boolean;
  mustChangePassword: boolean;
}

export const authenticateAdminSession = defineVerb({
  name: 'admin.authenticate',
  input: z.object({ token: z.string().min(1).max(200) }),
  allow: (actor) => actor.kind === 'system',
  transactional: false,
  run: async ({ ctx, input, tx }): Promise<AdminSession | null> => {
    const now = ctx.env.clock.now();
    const [row] = await tx
      .select({ session: sessions, user: users, tfaEnabled: twoFactorAuth.enabled })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(twoFactorAuth, eq(twoFactorAuth.userId, users.id))
      .where(and(eq(sessions.refreshToken, sha256Hex(input.token)), gt(sessions.expiresAt, now)));
    if (!row || !isStaffRole(row.user.role) || accountRefusal(row.user, now)) return null;
    const twoFactorEnabled = row.tfaEnabled === true;
    return {
      sessionId: row.session.id,
      userId: row.user.id,
      role: row.user.role,
      email: row.user.email,
      name: displayName(row.user),
      expiresAt: row.session.expiresAt,
      twoFactorEnabled,
      mustSetUpTwoFactor: row.user.role === 'superadmin' && !twoFactorEnabled,
      mustChangePassword: row.user.forcePasswordReset,
    };
  },
});

export function displayName(user: { fullName: string | null; firstName: string | null; lastName: string | null; email: string | null }): string {
  return user.fullName ?? ([user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || 'unnamed');
}
