/** Start TOTP enrolment: a fresh secret, stored encrypted and not yet enabled. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { twoFactorAuth, users } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { conflict, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';
import { newTotpSecret, totpUri } from './totp.ts';

export const beginTwoFactorSetup = defineVerb({
  name: 'two_factor.begin',
  input: z.object({}).default({}),
  allow: isStaff,
  run: async ({ ctx, tx }) => {
    const userId = actorUserId(ctx.actor) ?? '';
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('Your account');
    const [existing] = await tx.select().from(twoFactorAuth).where(eq(twoFactorAuth.userId, userId));
    if (existing?.enabled) throw conflict('Two-factor authentication is already on.');
    const secret = newTotpSecret();
    const sealed = ctx.env.keyring.encrypt(secret);
    const now = ctx.env.clock.now();
    if (existing) await tx.update(twoFactorAuth).set({ secret: sealed, backupCodes: [], updatedAt: now }).where(eq(twoFactorAuth.id, existing.id));
    else await tx.insert(twoFactorAuth).values({ userId, secret: sealed, enabled: false, createdAt: now, updatedAt: now });
    return { secret, uri: totpUri(secret, user.email ?? userId) };
  },
});
