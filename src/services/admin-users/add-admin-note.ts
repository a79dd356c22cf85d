/** A CRM note on a user's account, by category (general, billing, security, compliance). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { adminNotes, users } from '../../db/schema/index.ts';
import { ADMIN_NOTE_CATEGORIES } from '../../shared/enums.ts';
import { actorUserId } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';

export const addAdminNote = defineVerb({
  name: 'admin_note.create',
  input: z.object({
    userId: z.string().min(1).max(64),
    category: z.enum(ADMIN_NOTE_CATEGORIES).default('general'),
    content: z.string().trim().min(1, 'Write the note.').max(10_000),
  }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound('That user');
    const now = ctx.env.clock.now();
    const [note] = await tx
      .insert(adminNotes)
      .values({ userId: user.id, authorId: actorUserId(ctx.actor)!, category: input.category, content: input.content, createdAt: now, updatedAt: now })
      .returning();
    await auditAdmin(tx, ctx, 'admin_note.create', { targetUserId: user.id, noteId: note.id, category: note.category });
    return note;
  },
});
