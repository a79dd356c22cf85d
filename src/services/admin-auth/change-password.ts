/** Change one's own console password; other sessions are revoked and a forced reset is cleared. */
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { invalid, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './secrets.ts';

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, 'Use at most 200 characters.');

export const changePassword = defineVerb({
  name: 'admin.change_password',
  input: z.object({ currentPassword: z.string().min(1, 'Enter your current password.').max(1024), newPassword: newPasswordField }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const userId = actorUserId(ctx.actor) ?? '';
    const [user] = await tx.select({ password: users.password }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('Your account');
    if (!(await verifyPassword(user.password, input.currentPassword))) {
      throw invalid('Your current password is not right.', [{ field: 'currentPassword', message: 'does not match' }]);
    }
    if (input.currentPassword === input.newPassword) throw invalid('Choose a password different from the current one.', [{ field: 'newPassword', message: 'same as current' }]);
    const now = ctx.env.clock.now();
    await tx.update(users).set({ password: await hashPassword(input.newPassword), forcePasswordReset: false, updatedAt: now }).where(eq(users.id, userId));
    const keep = ctx.actor.kind === 'admin' ? ctx.actor.sessionId : undefined;
    await tx.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
    await raiseNotification(tx, { userId, type: 'PASSWORD_CHANGED', title: 'Console password changed', message: 'Your console password was changed and your other sessions were signed out.', now });
    await auditAdmin(tx, ctx, 'admin.change_password');
    return { changed: true };
  },
});
