/** Create a help article, or update it when an id is given. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { helpArticles, helpCategories } from '../../db/schema/index.ts';
import { invalid, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { checkbox, optionalId, slug, tags } from './fields.ts';
import { uniqueViolation } from './unique-violation.ts';

export const saveHelpArticle = defineVerb({
  name: 'help_article.save',
  input: z.object({
    id: optionalId,
    title: z.string().trim().min(1, 'Give it a title.').max(200),
    slug,
    content: z.string().trim().min(1, 'Write the article.').max(50_000),
    categoryId: z.string().min(1, 'Pick a category.').max(64),
    tags,
    published: checkbox,
  }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const [category] = await tx.select({ id: helpCategories.id }).from(helpCategories).where(eq(helpCategories.id, input.categoryId));
    if (!category) throw invalid('Pick a category.', [{ field: 'categoryId', message: 'unknown category' }]);
    const { id, ...values } = input;
    const now = ctx.env.clock.now();
    const row = await uniqueViolation('An article with that slug already exists.', async () => {
      if (!id) return (await tx.insert(helpArticles).values({ ...values, createdAt: now, updatedAt: now }).returning())[0];
      return (await tx.update(helpArticles).set({ ...values, updatedAt: now }).where(eq(helpArticles.id, id)).returning())[0];
    });
    if (!row) throw notFound('That article');
    await auditAdmin(tx, ctx, id ? 'help_article.update' : 'help_article.create', { id: row.id, slug: row.slug, published: row.published });
    return row;
  },
});
