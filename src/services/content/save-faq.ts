/** Create an FAQ entry, or update it when an id is given. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { faqs } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { optionalId, order } from './fields.ts';

export const saveFaq = defineVerb({
  name: 'faq.save',
  input: z.object({
    id: optionalId,
    question: z.string().trim().min(1, 'Write the question.').max(500),
    answer: z.string().trim().min(1, 'Write the answer.').max(10_000),
    categoryId: z.preprocess((v) => (v === '' ? null : v), z.string().max(64).nullable().default(null)),
    order,
  }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const { id, ...values } = input;
    const now = ctx.env.clock.now();
    const [row] = id
      ? await tx.update(faqs).set({ ...values, updatedAt: now }).where(eq(faqs.id, id)).returning()
      : await tx.insert(faqs).values({ ...values, createdAt: now, updatedAt: now }).returning();
    if (!row) throw notFound('That FAQ');
    await auditAdmin(tx, ctx, id ? 'faq.update' : 'faq.create', { id: row.id });
    return row;
  },
});
