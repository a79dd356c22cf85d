/**
 * Sending to a chat outside of a conversation (notifications, digests). Each adapter provides
 * one; a failure says whether the person blocked the bot (stop trying that chat) or not (retry).
 */
import type { Reply } from './reply.ts';

export type ChatApp = 'telegram' | 'discord' | 'console';

export interface ChatSender {
  app: ChatApp;
  /** `to` is users.telegram_chat_id, users.discord_user_id or users.console_user_id. */
  send(to: string, reply: Reply): Promise<void>;
  /** Whether this sender reaches `to` (a terminal reaches only its own user); default yes. */
  reaches?(to: string): boolean;
}

export type ChatSenders = Partial<Record<ChatApp, ChatSender>>;

export class DeliveryError extends Error {
  constructor(message: string, readonly blocked: boolean) {
    super(message);
    this.name = 'DeliveryError';
  }
}
