/**
 * ADMIN_API_KEY acts as a superadmin service account (id `admin-api-key`, no password, so it can
 * never sign in to the console). A real row keeps audit_logs, admin_notes.author_id and
 * subscriptions.granted_by pointing at someone.
 */
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { API_KEY_USER_ID } from './policy.ts';

export const ensureApiKeyUser = defineVerb({
  name: 'admin.ensure_api_key_user',
  input: z.object({}).default({}),
  allow: (actor) => actor.kind === 'system',
  run: async ({ ctx, tx }) => {
    const now = ctx.env.clock.now();
    await tx
      .insert(users)
      .values({ id: API_KEY_USER_ID, fullName: 'Admin API key', role: 'superadmin', status: 'active', createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    return { userId: API_KEY_USER_ID };
  },
});
