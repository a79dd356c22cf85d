/**
 * Console sign-in. Every attempt lands in login_history (or security_logs for an unknown email);
 * five failures in a row lock the account for 15 minutes; a code is needed when 2FA is on.
 * Refusals are return values: their rows must commit.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { twoFactorAuth, users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaffRole } from '../admin-core/roles.ts';
import { countFailure, recordAttempt, recordSecurityEvent, type AttemptOrigin } from './attempts.ts';
import { noteDevice, openSession } from './session-store.ts';
import { verifyPassword } from './secrets.ts';
import { checkSecondFactor } from './second-factor.ts';
import { accountRefusal } from '../identity/account-status.ts';

export type LoginResult =
  | { outcome: 'ok'; sessionToken: string; sessionId: string; expiresAt: Date; userId: string; newDevice: boolean }
  | { outcome: 'refused'; reason: 'invalid' | 'locked' | 'code_required' | 'inactive'; message: string };

const INVALID = 'That email and password do not match a console account.';

export const loginAdmin = defineVerb({
  name: 'admin.login',
  input: z.object({
    email: z.string().trim().toLowerCase().min(1, 'Enter your email.').max(320),
    password: z.string().min(1, 'Enter your password.').max(1024),
    code: z.string().trim().max(32).optional(),
    ip: z.string().max(64),
    userAgent: z.string().max(512).default(''),
  }),
  allow: (actor) => actor.kind === 'system',
  run: async ({ ctx, input, tx }): Promise<LoginResult> => {
    const origin: AttemptOrigin = { ip: input.ip, userAgent: input.userAgent, now: ctx.env.clock.now() };
    const [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, input.email));
    if (!user) {
      await verifyPassword(null, input.password);
      await recordSecurityEvent(tx, 'auth_failure', origin, { reason: 'unknown_email', email: input.email.slice(0, 120) });
      return { outcome: 'refused', reason: 'invalid', message: INVALID };
    }
    if (user.lockedUntil && user.lockedUntil > origin.now) {
      await recordAttempt(tx, user.id, origin, 'locked');
      return { outcome: 'refused', reason: 'locked', message: `This account is locked after too many failed attempts. Try again after ${user.lockedUntil.toISOString()}.` };
    }
    if (!(await verifyPassword(user.password, input.password))) {
      const lockedUntil = await countFailure(tx, user, origin, 'bad_password');
      if (lockedUntil) return { outcome: 'refused', reason: 'locked', message: `Too many failed attempts: the account is locked until ${lockedUntil.toISOString()}.` };
      return { outcome: 'refused', reason: 'invalid', message: INVALID };
    }
    if (!isStaffRole(user.role)) {
      await recordAttempt(tx, user.id, origin, 'not_staff');
      return { outcome: 'refused', reason: 'invalid', message: INVALID };
    }
    const refusal = accountRefusal(user, origin.now);
    if (refusal) {
      await recordAttempt(tx, user.id, origin, `account_${refusal}`);
      return { outcome: 'refused', reason: 'inactive', message: `This account is ${refusal}.` };
    }
    const [tfa] = await tx.select().from(twoFactorAuth).where(eq(twoFactorAuth.userId, user.id));
    if (tfa?.enabled) {
      if (!input.code) {
        await recordAttempt(tx, user.id, origin, 'code_required');
        return { outcome: 'refused', reason: 'code_required', message: 'Enter the 6-digit code from your authenticator app (or a backup code).' };
      }
      if (!(await checkSecondFactor(tx, ctx.env.keyring, tfa, input.code, origin.now))) {
        const lockedUntil = await countFailure(tx, user, origin, 'bad_code');
        if (lockedUntil) return { outcome: 'refused', reason: 'locked', message: `Too many failed attempts: the account is locked until ${lockedUntil.toISOString()}.` };
        return { outcome: 'refused', reason: 'code_required', message: 'That code is not valid. Enter the current code from your authenticator app.' };
      }
    }
    await tx.update(users).set({ failedLoginAttempts: 0, lockedUntil: null, lastLoginAt: origin.now }).where(eq(users.id, user.id));
    await recordAttempt(tx, user.id, origin, null);
    const session = await openSession(tx, user.id, origin);
    const newDevice = await noteDevice(tx, user.id, origin);
    const role = user.role as 'admin' | 'superadmin';
    const asUser = { ...ctx, actor: { kind: 'admin' as const, userId: user.id, role, sessionId: session.sessionId, ip: origin.ip, via: 'session' as const } };
    await auditAdmin(tx, asUser, 'admin.login', { newDevice });
    return { outcome: 'ok', sessionToken: session.token, sessionId: session.sessionId, expiresAt: session.expiresAt, userId: user.id, newDevice };
  },
});
