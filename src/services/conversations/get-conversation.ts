/** The chat's current flow, if any. An expired flow is reported as such so the chat can say so once. */
import { z } from 'zod';
import { conversations } from '../../db/schema/index.ts';
import { defineVerb } from '../core/verb.ts';
import { conversationScope } from './conversation-scope.ts';

export interface ConversationState {
  /** 0 when the chat never had a flow; pass it back as expectedVersion. */
  version: number;
  active: boolean;
  expired: boolean;
  kind: string | null;
  step: string | null;
  data: Record<string, unknown>;
  expiresAt: Date | null;
}

export const getConversation = defineVerb({
  name: 'conversation.get',
  input: z.object({}).default({}),
  transactional: false,
  run: async ({ ctx, tx }): Promise<ConversationState> => {
    const { where } = conversationScope(ctx);
    const [row] = await tx.select().from(conversations).where(where);
    if (!row) return { version: 0, active: false, expired: false, kind: null, step: null, data: {}, expiresAt: null };
    const active = row.state !== 'idle' && row.step !== null;
    return {
      version: row.version,
      active,
      expired: active && row.expiresAt !== null && row.expiresAt <= ctx.env.clock.now(),
      kind: active ? row.kind : null,
      step: active ? row.step : null,
      data: active ? (row.context as Record<string, unknown>) : {},
      expiresAt: row.expiresAt,
    };
  },
});
