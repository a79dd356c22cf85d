/** What an adapter hands the engine for each thing a person does in a chat. */
import type { ChatPlatform } from '../../services/core/context.ts';
import type { MessageRef, Reply } from './reply.ts';

export interface ChatInput {
  platform: ChatPlatform;
  platformUserId: string;
  chatId: string;
  isPrivate: boolean;
  /** Typed text, a pressed button's `send`, or (Discord) "/name" with `named` options. */
  text: string;
  source: 'message' | 'button' | 'modal';
  /** Discord slash options and modal fields, by argument name. */
  named?: Record<string, string>;
  profile?: { username?: string; firstName?: string; lastName?: string; languageCode?: string };
  /** The message holding the pressed button (edit-in-place target). */
  buttonMessage?: MessageRef;
  requestId: string;
}

/** How the engine talks back; each adapter implements it for one incoming update. */
export interface ChatIO {
  send(reply: Reply): Promise<MessageRef>;
  edit(ref: MessageRef, reply: Reply): Promise<void>;
  deleteInput?(): Promise<void>;
}
