/**
 * Whether a user may use the service right now. Chat adapters call it on every message and
 * answer a refusal in plain words instead of running the command.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';

export type ActiveCheck = { ok: true } | { ok: false; message: string };

export const assertUserActive = defineVerb({
  name: 'user.assert_active',
  input: z.object({ userId: z.string().min(1) }),
  transactional: false,
  run: async ({ ctx, input, tx }): Promise<ActiveCheck> => {
    const [user] = await tx
      .select({ status: users.status, isActive: users.isActive, suspendedUntil: users.suspendedUntil })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!user) return { ok: false, message: 'Your account could not be found. Send /start to create one.' };
    if (user.status === 'banned') return { ok: false, message: 'Your account has been banned, so this bot cannot act for you. Contact support by email if you think this is a mistake.' };
    const suspended = user.status === 'suspended' && (!user.suspendedUntil || user.suspendedUntil > ctx.env.clock.now());
    if (suspended) {
      const until = user.suspendedUntil ? ` until ${user.suspendedUntil.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
      return { ok: false, message: `Your account is suspended${until}, so this bot cannot act for you right now.` };
    }
    if (user.status === 'disabled' || !user.isActive) return { ok: false, message: 'This account is disabled, so this bot cannot act for it.' };
    return { ok: true };
  },
});
