/** Which users column holds each chat platform's identity, and small helpers shared by identity verbs. */
import { randomBytes } from 'node:crypto';
import { users } from '../../db/schema/index.ts';
import type { Actor, ChatPlatform } from '../core/context.ts';
import { forbidden } from '../core/errors.ts';

export const identityColumn = {
  telegram: users.telegramChatId,
  discord: users.discordUserId,
  console: users.consoleUserId,
} as const;

export const identityField = { telegram: 'telegramChatId', discord: 'discordUserId', console: 'consoleUserId' } as const;

export type ChatActor = Extract<Actor, { kind: ChatPlatform }>;

export function isChatActor(actor: Actor): actor is ChatActor {
  return actor.kind === 'telegram' || actor.kind === 'discord' || actor.kind === 'console';
}

/** Verbs a chat user runs on their own data; the user id always comes from the actor. */
export function requireChatActor(actor: Actor): ChatActor {
  if (!isChatActor(actor)) throw forbidden('This can only be done from a chat.');
  return actor;
}

// No 0/O/1/I/L, so a code read aloud or retyped from a screenshot survives.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
  return out;
}
