/**
 * /help <topic>: published help articles and FAQs matching the words of the query (title and
 * tags weigh more than body text). An exact article slug returns that article alone.
 */
import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { faqs, helpArticles } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';

export interface HelpResults {
  articles: { slug: string; title: string; content: string; score: number }[];
  faqs: { question: string; answer: string; score: number }[];
}

const escapeLike = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);

export function queryWords(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(words)].slice(0, 6);
}

export const searchHelp = defineVerb({
  name: 'help.search',
  input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(10).default(3) }),
  transactional: false,
  run: async ({ input, tx }): Promise<HelpResults> => {
    const slug = input.query.trim().toLowerCase();
    if (/^[a-z0-9-]{2,80}$/.test(slug)) {
      const [exact] = await tx.select().from(helpArticles).where(and(eq(helpArticles.slug, slug), eq(helpArticles.published, true)));
      if (exact) return { articles: [{ slug: exact.slug, title: exact.title, content: exact.content, score: 100 }], faqs: [] };
    }
    const words = queryWords(input.query);
    if (words.length === 0) return { articles: [], faqs: [] };
    const tagText = sql<string>`array_to_string(${helpArticles.tags}, ' ')`;
    const articleMatch: SQL[] = words.flatMap((w) => [ilike(helpArticles.title, `%${escapeLike(w)}%`), ilike(helpArticles.content, `%${escapeLike(w)}%`), sql`${tagText} ilike ${`%${escapeLike(w)}%`}`]);
    const faqMatch: SQL[] = words.flatMap((w) => [ilike(faqs.question, `%${escapeLike(w)}%`), ilike(faqs.answer, `%${escapeLike(w)}%`)]);
    const articles = await tx
      .select({ slug: helpArticles.slug, title: helpArticles.title, content: helpArticles.content, tags: helpArticles.tags })
      .from(helpArticles)
      .where(and(eq(helpArticles.published, true), or(...articleMatch)))
      .limit(50);
    const faqRows = await tx.select({ question: faqs.question, answer: faqs.answer }).from(faqs).where(or(...faqMatch)).limit(50);

    const count = (text: string, weight: number) => words.reduce((n, w) => n + (text.toLowerCase().includes(w) ? weight : 0), 0);
    const scoredArticles = articles
      .map((a) => ({ slug: a.slug, title: a.title, content: a.content, score: count(a.title, 3) + count(a.tags.join(' '), 3) + count(a.content, 1) }))
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
      .slice(0, input.limit);
    const scoredFaqs = faqRows
      .map((f) => ({ ...f, score: count(f.question, 3) + count(f.answer, 1) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, input.limit);
    return { articles: scoredArticles, faqs: scoredFaqs };
  },
});
