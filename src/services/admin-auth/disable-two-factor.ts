/** Turn 2FA off with a current code. Superadmins cannot: 2FA is required for them. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { twoFactorAuth, users } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { forbidden, invalid, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff, isSuperadmin } from '../admin-core/roles.ts';
import { checkSecondFactor } from './second-factor.ts';

export const disableTwoFactor = defineVerb({
  name: 'two_factor.disable',
  input: z.object({ code: z.string().trim().min(6).max(32) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    if (isSuperadmin(ctx.actor)) throw forbidden('Two-factor authentication is required for superadmins.');
    const userId = actorUserId(ctx.actor) ?? '';
    const [tfa] = await tx.select().from(twoFactorAuth).where(eq(twoFactorAuth.userId, userId));
    if (!tfa?.enabled) throw preconditionFailed('Two-factor authentication is not on.');
    if (!(await checkSecondFactor(tx, ctx.env.keyring, tfa, input.code, ctx.env.clock.now()))) {
      throw invalid('That code is not valid.', [{ field: 'code', message: 'not valid' }]);
    }
    await tx.delete(twoFactorAuth).where(eq(twoFactorAuth.id, tfa.id));
    await tx.update(users).set({ twoFactorEnabled: false }).where(eq(users.id, userId));
    await auditAdmin(tx, ctx, 'two_factor.disable');
    return { disabled: true };
  },
});
