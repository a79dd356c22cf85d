/** Delete a help category (with its articles), a help article, an FAQ or an announcement. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { announcements, faqs, helpArticles, helpCategories } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';

const TABLES = { help_category: helpCategories, help_article: helpArticles, faq: faqs, announcement: announcements } as const;

export const deleteContentItem = defineVerb({
  name: 'content.delete',
  input: z.object({ kind: z.enum(['help_category', 'help_article', 'faq', 'announcement']), id: z.string().min(1).max(64) }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const table = TABLES[input.kind];
    const [row] = await tx.delete(table).where(eq(table.id, input.id)).returning({ id: table.id });
    if (!row) throw notFound('That item');
    await auditAdmin(tx, ctx, `${input.kind}.delete`, { id: row.id });
    return { deleted: true };
  },
});
