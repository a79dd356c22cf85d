/**
 * Finish or cancel the chat's flow. Without expectedVersion it always wins (/cancel must always
 * work); with it, it ends only the flow that was read, like saveConversation.
 */
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { conversations } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { conversationScope } from './conversation-scope.ts';
import { conversationVersionConflict } from './save-conversation.ts';

export const endConversation = defineVerb({
  name: 'conversation.end',
  input: z.object({ expectedVersion: z.number().int().min(0).optional() }).default({}),
  run: async ({ ctx, input, tx }): Promise<{ ended: boolean; kind: string | null }> => {
    const { where } = conversationScope(ctx);
    const [before] = await tx.select({ kind: conversations.kind, state: conversations.state, version: conversations.version }).from(conversations).where(where);
    if (input.expectedVersion !== undefined && (before?.version ?? 0) !== input.expectedVersion) throw conversationVersionConflict();
    if (!before || before.state === 'idle') return { ended: false, kind: null };
    const [row] = await tx
      .update(conversations)
      .set({ state: 'idle', step: null, context: {}, pendingTrade: null, expiresAt: null, version: before.version + 1, updatedAt: ctx.env.clock.now() })
      .where(and(where, eq(conversations.version, before.version), ne(conversations.state, 'idle')))
      .returning({ version: conversations.version });
    if (!row && input.expectedVersion !== undefined) throw conversationVersionConflict();
    return { ended: Boolean(row), kind: before.kind };
  },
});
