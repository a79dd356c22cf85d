/** Complete a setup link: choose email (when not preset), name and password; the link is spent. */
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaffRole } from '../admin-core/roles.ts';
import { newPasswordField } from './change-password.ts';
import { hashPassword, sha256Hex } from './secrets.ts';

export const acceptSetupInvitation = defineVerb({
  name: 'admin.accept_setup_invitation',
  input: z.object({
    token: z.string().min(20).max(200),
    email: z.preprocess((v) => (v === '' ? undefined : v), z.email('Enter a valid email address.').trim().toLowerCase().optional()),
    name: z.string().trim().min(1, 'Enter your name.').max(120),
    password: newPasswordField,
  }),
  allow: (actor) => actor.kind === 'system',
  run: async ({ ctx, input, tx }) => {
    const now = ctx.env.clock.now();
    const [row] = await tx
      .select()
      .from(users)
      .where(and(eq(users.resetPasswordToken, sha256Hex(input.token)), gt(users.resetPasswordExpiry, now)));
    if (!row || !isStaffRole(row.role)) throw notFound('This setup link (it may have been used or have expired)');
    const email = row.email ?? input.email;
    if (!email) throw invalid('Enter your email address.', [{ field: 'email', message: 'required' }]);
    if (!row.email) {
      const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(sql`lower(${users.email})`, email), ne(users.id, row.id)));
      if (taken) throw conflict('That email already belongs to an account.');
    }
    await tx
      .update(users)
      .set({ email, fullName: input.name, password: await hashPassword(input.password), status: 'active', resetPasswordToken: null, resetPasswordExpiry: null, forcePasswordReset: false, updatedAt: now })
      .where(eq(users.id, row.id));
    const role = row.role as 'admin' | 'superadmin';
    await auditAdmin(tx, { ...ctx, actor: { kind: 'admin', userId: row.id, role, via: 'session' } }, 'admin.accept_setup_invitation', { role });
    return { userId: row.id, email, role };
  },
});
