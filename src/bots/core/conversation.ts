/**
 * Conversation state machines. A flow is data in Postgres (kind, step, data, version), not a
 * replayed function: a restart, a deploy or a second instance continues it from the stored
 * step. Each step has a prompt, a validator (zod, over the trimmed text) and a `next` that
 * returns the following step with its data, or finishes with replies. `next` runs in the same
 * transaction that stores the new state, so its service calls commit exactly once.
 */
import type { z } from 'zod';
import type { ServiceContext, UserRole } from '../../services/core/context.ts';
import type { ChatInput } from './input.ts';
import type { Replies, Reply } from './reply.ts';

export type FlowData = Record<string, unknown>;

export interface StepContext {
  /** Inside the step's transaction; verbs called with it commit together with the new state. */
  svc: ServiceContext;
  user: { id: string; role: UserRole };
  input: ChatInput;
  /** Delete the message being answered (Telegram); a no-op elsewhere. */
  deleteInput?(): Promise<void>;
}

export type StepOutcome<D extends FlowData> =
  | { step: string; data: D; say?: Reply }
  | { done: Replies }
  /** The answer does not fit (checked against data or services): say why, ask again, store nothing. */
  | { invalid: string };

export interface Step<D extends FlowData, V = any> {
  prompt(data: D, c: Omit<StepContext, 'input'> & { input?: ChatInput }): Reply | Promise<Reply>;
  input: z.ZodType<V>;
  /** Said (with the prompt again) when the answer does not validate; defaults to zod's message. */
  invalid?: string;
  next(value: V, data: D, c: StepContext): StepOutcome<D> | Promise<StepOutcome<D>>;
  /**
   * The answer carries a secret (API keys): the person's message is deleted before anything else
   * happens — also when it does not validate or arrives after the step expired. Never echo it.
   */
  secret?: boolean;
  /** The conversations.state value while waiting here (seed 004's journal states); default 'active'. */
  state?: 'active' | 'awaiting_confirmation' | 'awaiting_screenshot' | 'awaiting_details';
}

export interface ConversationSpec<D extends FlowData = FlowData> {
  kind: string;
  first: string;
  steps: Record<string, Step<D>>;
  /** How long a step waits for an answer; default 30 minutes. */
  ttlMs?: number;
  /** Said when the person sends /cancel during this flow. */
  cancelled?: string;
  /** Said when an answer arrives after the step expired. */
  expired?: string;
}

export type Conversation = ConversationSpec<any>;

export function defineConversation<D extends FlowData>(spec: ConversationSpec<D>): ConversationSpec<D> {
  for (const [name, step] of Object.entries(spec.steps)) {
    if (!/^[a-z][a-z0-9_.-]{0,63}$/.test(name)) throw new Error(`conversation ${spec.kind}: bad step name ${name}`);
    void step;
  }
  if (!spec.steps[spec.first]) throw new Error(`conversation ${spec.kind}: first step ${spec.first} is missing`);
  return spec;
}

/** A step that always moves to `to`, storing the value under `key`. */
export function saveAs<D extends FlowData>(key: keyof D & string, to: string) {
  return (value: unknown, data: D): StepOutcome<D> => ({ step: to, data: { ...data, [key]: value } as D });
}

export const DEFAULT_CONVERSATION_TTL_MS = 30 * 60_000;
