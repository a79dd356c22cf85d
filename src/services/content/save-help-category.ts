/** Create a help category, or update it when an id is given. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { helpCategories } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { optionalId, order, slug } from './fields.ts';
import { uniqueViolation } from './unique-violation.ts';

export const saveHelpCategory = defineVerb({
  name: 'help_category.save',
  input: z.object({
    id: optionalId,
    name: z.string().trim().min(1, 'Name it.').max(120),
    slug,
    description: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(500).nullable().default(null)),
    icon: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(40).nullable().default(null)),
    order,
  }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const { id, ...values } = input;
    const row = await uniqueViolation('A category with that name or slug already exists.', async () => {
      if (!id) return (await tx.insert(helpCategories).values({ ...values, createdAt: ctx.env.clock.now() }).returning())[0];
      return (await tx.update(helpCategories).set(values).where(eq(helpCategories.id, id)).returning())[0];
    });
    if (!row) throw notFound('That category');
    await auditAdmin(tx, ctx, id ? 'help_category.update' : 'help_category.create', { id: row.id, slug: row.slug });
    return row;
  },
});
