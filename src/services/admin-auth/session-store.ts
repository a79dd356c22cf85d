/** Console sessions: an opaque id in the cookie, its SHA-256 in sessions.refresh_token. */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { knownDevices, sessions } from '../../db/schema/index.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import type { AttemptOrigin } from './attempts.ts';
import { deviceFingerprint, deviceName } from './devices.ts';
import { SESSION_TTL_MS } from './policy.ts';
import { newOpaqueToken, sha256Hex } from './secrets.ts';

export async function openSession(tx: DbOrTx, userId: string, origin: AttemptOrigin): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newOpaqueToken();
  const expiresAt = new Date(origin.now.getTime() + SESSION_TTL_MS);
  const [row] = await tx
    .insert(sessions)
    .values({ userId, refreshToken: sha256Hex(token), expiresAt, ipAddress: origin.ip, userAgent: origin.userAgent, createdAt: origin.now })
    .returning({ id: sessions.id });
  return { token, sessionId: row.id, expiresAt };
}

/** Remember the device; a device never seen before raises LOGIN_NEW_DEVICE. */
export async function noteDevice(tx: DbOrTx, userId: string, origin: AttemptOrigin): Promise<boolean> {
  const fingerprint = deviceFingerprint(origin.userAgent);
  const [known] = await tx
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceFingerprint, fingerprint)));
  if (known) {
    await tx.update(knownDevices).set({ lastUsedAt: origin.now, ipAddress: origin.ip }).where(eq(knownDevices.id, known.id));
    return false;
  }
  const name = deviceName(origin.userAgent);
  await tx.insert(knownDevices).values({ userId, deviceFingerprint: fingerprint, deviceName: name, ipAddress: origin.ip, lastUsedAt: origin.now, createdAt: origin.now });
  await raiseNotification(tx, {
    userId,
    type: 'LOGIN_NEW_DEVICE',
    priority: 'HIGH',
    title: 'New sign-in to the console',
    message: `Your console account was signed in from a new device: ${name}, IP ${origin.ip}. If this was not you, ask a superadmin to revoke your sessions.`,
    metadata: { device: name, ip: origin.ip },
    now: origin.now,
  });
  return true;
}
