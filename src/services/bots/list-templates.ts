/** Templates a user can deploy: public/system ones and their own. */
import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { botTemplates } from '../../db/schema/index.ts';
import { BOT_TYPES } from '../../engines/types.ts';
import { defineVerb } from '../core/verb.ts';
import { requireUserId } from './bot-access.ts';

export const listTemplates = defineVerb({
  name: 'template.list',
  input: z.object({ type: z.enum(BOT_TYPES).optional() }).default({}),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    const userId = requireUserId(ctx);
    const visible = or(eq(botTemplates.visibility, 'public'), isNull(botTemplates.userId), eq(botTemplates.userId, userId));
    const rows = await tx
      .select()
      .from(botTemplates)
      .where(input.type ? and(visible, eq(botTemplates.type, input.type)) : visible)
      .orderBy(desc(botTemplates.featured), asc(botTemplates.name));
    return rows.map((t) => ({ id: t.id, name: t.name, description: t.description, type: t.type, complexity: t.complexity, category: t.category, tags: t.tags, featured: t.featured, usageCount: t.usageCount, config: t.config, defaultSettings: t.defaultSettings }));
  },
});
