/** Check a TOTP code or a backup code; a used backup code is removed. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { twoFactorAuth } from '../../db/schema/index.ts';
import type { Keyring } from '../core/keyring.ts';
import { equalSecrets } from './secrets.ts';
import { normalizeBackupCode, verifyTotp } from './totp.ts';

export async function checkSecondFactor(
  tx: DbOrTx,
  keyring: Keyring,
  tfa: { id: string; secret: string; backupCodes: string[] },
  code: string,
  now: Date,
): Promise<boolean> {
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) return verifyTotp(keyring.decrypt(tfa.secret), code, now);
  const wanted = normalizeBackupCode(code);
  const index = tfa.backupCodes.findIndex((sealed) => equalSecrets(keyring.decrypt(sealed), wanted));
  if (index < 0) return false;
  const remaining = tfa.backupCodes.filter((_, i) => i !== index);
  await tx.update(twoFactorAuth).set({ backupCodes: remaining, updatedAt: now }).where(eq(twoFactorAuth.id, tfa.id));
  return true;
}
