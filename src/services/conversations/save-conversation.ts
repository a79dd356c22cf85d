/**
 * Move the chat's flow to a step, only if nobody else moved it since it was read
 * (expectedVersion): two quick messages, or two instances, never overwrite each other. A lost
 * race is a CONFLICT with details.reason 'conversation_version'; the caller reloads and retries.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations } from '../../db/schema/index.ts';
import { CONVERSATION_STATES } from '../../shared/enums.ts';
import { ServiceError } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { conversationScope } from './conversation-scope.ts';

const MAX_DATA_BYTES = 16_000;

export const conversationVersionConflict = () =>
  new ServiceError('CONFLICT', 'This conversation moved on in the meantime.', { details: { reason: 'conversation_version' } });

export function isConversationConflict(error: unknown): boolean {
  return error instanceof ServiceError && error.code === 'CONFLICT' && error.details?.reason === 'conversation_version';
}

export const saveConversation = defineVerb({
  name: 'conversation.save',
  input: z.object({
    kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/),
    step: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/),
    state: z.enum(CONVERSATION_STATES).exclude(['idle']).default('active'),
    data: z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= MAX_DATA_BYTES, 'conversation data is too large'),
    expectedVersion: z.number().int().min(0),
    ttlMs: z.number().int().min(1_000).max(7 * 24 * 3600_000),
  }),
  run: async ({ ctx, input, tx }): Promise<{ version: number }> => {
    const { actor, where } = conversationScope(ctx);
    const now = ctx.env.clock.now();
    const values = { kind: input.kind, step: input.step, state: input.state, context: input.data, expiresAt: new Date(now.getTime() + input.ttlMs), updatedAt: now };
    if (input.expectedVersion === 0) {
      const [row] = await tx
        .insert(conversations)
        .values({ userId: actor.userId, platform: actor.kind, platformChatId: actor.chatId, ...values, version: 1, createdAt: now })
        .onConflictDoNothing()
        .returning({ version: conversations.version });
      if (!row) throw conversationVersionConflict();
      return row;
    }
    const [row] = await tx
      .update(conversations)
      .set({ ...values, version: input.expectedVersion + 1 })
      .where(and(where, eq(conversations.version, input.expectedVersion)))
      .returning({ version: conversations.version });
    if (!row) throw conversationVersionConflict();
    return row;
  },
});
