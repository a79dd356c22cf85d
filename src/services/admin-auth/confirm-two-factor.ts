/** Finish enrolment with a valid code: 2FA on, ten backup codes shown once, stored encrypted. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { twoFactorAuth, users } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { conflict, invalid, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { newBackupCodes, verifyTotp } from './totp.ts';

export const confirmTwoFactor = defineVerb({
  name: 'two_factor.enable',
  input: z.object({ code: z.string().trim().regex(/^\d{3}\s?\d{3}$/, 'Enter the 6-digit code from your app.') }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const userId = actorUserId(ctx.actor) ?? '';
    const now = ctx.env.clock.now();
    const [tfa] = await tx.select().from(twoFactorAuth).where(eq(twoFactorAuth.userId, userId));
    if (!tfa) throw preconditionFailed('Start two-factor setup first.');
    if (tfa.enabled) throw conflict('Two-factor authentication is already on.');
    if (!verifyTotp(ctx.env.keyring.decrypt(tfa.secret), input.code, now)) {
      throw invalid('That code is not valid. Check the time on your phone and try the current code.', [{ field: 'code', message: 'not valid' }]);
    }
    const codes = newBackupCodes();
    await tx
      .update(twoFactorAuth)
      .set({ enabled: true, backupCodes: codes.map((c) => ctx.env.keyring.encrypt(c)), updatedAt: now })
      .where(eq(twoFactorAuth.id, tfa.id));
    await tx.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, userId));
    await raiseNotification(tx, {
      userId,
      type: 'TWO_FA_ENABLED',
      title: 'Two-factor authentication is on',
      message: 'Your console account now asks for a code from your authenticator app at sign-in.',
      now,
    });
    await auditAdmin(tx, ctx, 'two_factor.enable');
    return { backupCodes: codes };
  },
});
