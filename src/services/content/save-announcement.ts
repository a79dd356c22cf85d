/** Create an announcement, or update it when an id is given (inactive ones are not shown). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { announcements } from '../../db/schema/index.ts';
import { ANNOUNCEMENT_TYPES } from '../../shared/enums.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { checkbox, optionalId } from './fields.ts';

export const saveAnnouncement = defineVerb({
  name: 'announcement.save',
  input: z.object({
    id: optionalId,
    title: z.string().trim().min(1, 'Give it a title.').max(200),
    body: z.string().trim().min(1, 'Write the announcement.').max(5_000),
    type: z.enum(ANNOUNCEMENT_TYPES).default('info'),
    active: checkbox,
  }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const { id, ...values } = input;
    const [row] = id
      ? await tx.update(announcements).set(values).where(eq(announcements.id, id)).returning()
      : await tx.insert(announcements).values({ ...values, createdAt: ctx.env.clock.now() }).returning();
    if (!row) throw notFound('That announcement');
    await auditAdmin(tx, ctx, id ? 'announcement.update' : 'announcement.create', { id: row.id, active: row.active });
    return row;
  },
});
