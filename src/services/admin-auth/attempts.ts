/** What a login attempt leaves behind: login_history, security_logs, lockout counters. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { loginHistory, securityLogs, users } from '../../db/schema/index.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from './policy.ts';

export interface AttemptOrigin {
  ip: string;
  userAgent: string;
  now: Date;
}

export async function recordAttempt(tx: DbOrTx, userId: string, origin: AttemptOrigin, failureReason: string | null): Promise<void> {
  await tx.insert(loginHistory).values({
    userId,
    ipAddress: origin.ip,
    userAgent: origin.userAgent,
    success: failureReason === null,
    failureReason,
    createdAt: origin.now,
  });
}

export async function recordSecurityEvent(
  tx: DbOrTx,
  type: 'auth_failure' | 'rate_limit' | 'csrf_failure' | 'suspicious_activity',
  origin: AttemptOrigin,
  metadata: Record<string, unknown>,
  userId: string | null = null,
): Promise<void> {
  await tx.insert(securityLogs).values({ type, userId, ipAddress: origin.ip, userAgent: origin.userAgent, metadata, createdAt: origin.now });
}

/** Count a failure; the fifth in a row locks the account. Returns the lock expiry when it locked. */
export async function countFailure(tx: DbOrTx, user: { id: string; failedLoginAttempts: number }, origin: AttemptOrigin, reason: string): Promise<Date | null> {
  await recordAttempt(tx, user.id, origin, reason);
  const attempts = user.failedLoginAttempts + 1;
  if (attempts < MAX_FAILED_LOGINS) {
    await tx.update(users).set({ failedLoginAttempts: attempts }).where(eq(users.id, user.id));
    return null;
  }
  const lockedUntil = new Date(origin.now.getTime() + LOCKOUT_MS);
  await tx.update(users).set({ failedLoginAttempts: 0, lockedUntil }).where(eq(users.id, user.id));
  await recordSecurityEvent(tx, 'auth_failure', origin, { reason: 'account_locked', attempts, lockedUntil: lockedUntil.toISOString() }, user.id);
  await raiseNotification(tx, {
    userId: user.id,
    type: 'ACCOUNT_LOCKED',
    priority: 'HIGH',
    title: 'Console account locked',
    message: `After ${attempts} failed sign-in attempts (last from ${origin.ip}) your console account is locked until ${lockedUntil.toISOString()}.`,
    metadata: { ip: origin.ip, lockedUntil: lockedUntil.toISOString() },
    now: origin.now,
  });
  return lockedUntil;
}
