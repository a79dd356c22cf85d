/**
 * May this user use Tradewire right now? Chat adapters call it after resolving the user; a
 * refusal is a return value with a sentence to show. A suspension whose date has passed counts
 * as active (nobody has to lift it).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { accountRefusal } from './account-status.ts';

export type UserAccess =
  | { active: true }
  | { active: false; status: 'banned' | 'suspended' | 'disabled' | 'unknown'; until: Date | null; message: string };

export const assertUserActive = defineVerb({
  name: 'user.assert_active',
  input: z.object({ userId: z.string().min(1).max(64) }),
  transactional: false,
  run: async ({ ctx, input, tx }): Promise<UserAccess> => {
    const [user] = await tx
      .select({ status: users.status, suspendedUntil: users.suspendedUntil, isActive: users.isActive })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!user) return { active: false, status: 'unknown', until: null, message: 'We could not find your account.' };
    const refusal = accountRefusal(user, ctx.env.clock.now());
    if (refusal === 'banned') {
      return { active: false, status: 'banned', until: null, message: 'Your account has been banned. If you think this is a mistake, contact support.' };
    }
    if (refusal === 'suspended') {
      const until = user.suspendedUntil;
      const when = until ? ` until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
      return { active: false, status: 'suspended', until, message: `Your account is suspended${when}.` };
    }
    if (refusal === 'disabled') return { active: false, status: 'disabled', until: null, message: 'Your account is disabled.' };
    return { active: true };
  },
});
