/** Everything the content pages edit: help categories and articles, FAQs, announcements. */
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { announcements, faqs, helpArticles, helpCategories } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listContent = defineVerb({
  name: 'content.list',
  input: z.object({}).default({}),
  allow: isStaff,
  transactional: false,
  run: async ({ tx }) => {
    const [categories, articles, faqRows, announcementRows] = await Promise.all([
      tx.select().from(helpCategories).orderBy(asc(helpCategories.order), asc(helpCategories.name)),
      tx
        .select({ id: helpArticles.id, title: helpArticles.title, slug: helpArticles.slug, content: helpArticles.content, categoryId: helpArticles.categoryId, categoryName: helpCategories.name, tags: helpArticles.tags, views: helpArticles.views, published: helpArticles.published, updatedAt: helpArticles.updatedAt })
        .from(helpArticles)
        .innerJoin(helpCategories, eq(helpCategories.id, helpArticles.categoryId))
        .orderBy(asc(helpCategories.order), asc(helpArticles.title)),
      tx.select().from(faqs).orderBy(asc(faqs.order), asc(faqs.question)),
      tx.select().from(announcements).orderBy(desc(announcements.createdAt)),
    ]);
    return { categories, articles, faqs: faqRows, announcements: announcementRows };
  },
});
