/** A conversation belongs to (user, platform, chat): always taken from the actor, never from input. */
import { and, eq } from 'drizzle-orm';
import { conversations } from '../../db/schema/index.ts';
import type { ServiceContext } from '../core/context.ts';
import { requireChatActor } from '../identity/chat-identity.ts';

export function conversationScope(ctx: ServiceContext) {
  const actor = requireChatActor(ctx.actor);
  return {
    actor,
    where: and(eq(conversations.userId, actor.userId), eq(conversations.platform, actor.kind), eq(conversations.platformChatId, actor.chatId)),
  };
}
