/** The latest bot decisions across all bots, errors first when asked. */
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { bots, executions } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listRecentExecutions = defineVerb({
  name: 'bot.recent_executions',
  input: z.object({ errorsOnly: z.boolean().default(false), limit: z.coerce.number().int().min(1).max(100).default(20) }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) =>
    tx
      .select({ id: executions.id, botId: executions.botId, botName: bots.name, signal: executions.signal, status: executions.status, reason: executions.reason, error: executions.error, price: executions.price, timestamp: executions.timestamp })
      .from(executions)
      .innerJoin(bots, eq(bots.id, executions.botId))
      .where(input.errorsOnly ? eq(executions.status, 'error') : undefined)
      .orderBy(desc(executions.timestamp))
      .limit(input.limit),
});
