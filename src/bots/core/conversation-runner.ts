/**
 * Drives the conversation state machines over the conversation verbs. Optimistic versions make
 * two quick messages safe: the slower one finds the version moved, its whole step (service calls
 * included) rolls back, and it is applied again to the new state.
 */
import { withTransaction } from '../../services/core/transaction.ts';
import { endConversation } from '../../services/conversations/end-conversation.ts';
import { getConversation } from '../../services/conversations/get-conversation.ts';
import { isConversationConflict, saveConversation } from '../../services/conversations/save-conversation.ts';
import { DEFAULT_CONVERSATION_TTL_MS, type Conversation, type FlowData, type StepContext } from './conversation.ts';
import type { CommandRegistry } from './registry.ts';
import { asReplies, reply, type Reply } from './reply.ts';

const MAX_RACES = 5;

export class ConversationRunner {
  constructor(private readonly registry: CommandRegistry) {}

  /** Begin `kind` at its first step, or at `at` when the command already knows the earlier answers. */
  async start(kind: string, data: FlowData, c: Omit<StepContext, 'input'> & { input?: StepContext['input'] }, at?: string): Promise<Reply> {
    const flow = this.flow(kind);
    const first = at ?? flow.first;
    const step = flow.steps[first];
    if (!step) throw new Error(`conversation ${kind}: step ${first} does not exist`);
    for (let race = 0; race < MAX_RACES; race++) {
      const state = await getConversation({ ctx: c.svc, input: {} });
      try {
        await saveConversation({ ctx: c.svc, input: { kind, step: first, state: step.state, data, expectedVersion: state.version, ttlMs: flow.ttlMs ?? DEFAULT_CONVERSATION_TTL_MS } });
        return asPrompt(await step.prompt(data, c));
      } catch (error) {
        if (!isConversationConflict(error)) throw error;
      }
    }
    return reply('Too many messages at once. Please send that again.');
  }

  /** Apply text to the chat's current step; null when no flow is waiting for an answer. */
  async continue(text: string, c: StepContext): Promise<Reply[] | null> {
    for (let race = 0; race < MAX_RACES; race++) {
      const state = await getConversation({ ctx: c.svc, input: {} });
      if (!state.active || !state.kind || !state.step) return null;
      const flow = this.registry.conversation(state.kind);
      const step = flow?.steps[state.step];
      if (step?.secret && race === 0) await c.deleteInput?.();
      try {
        if (state.expired || !flow || !step) {
          await endConversation({ ctx: c.svc, input: { expectedVersion: state.version } });
          if (state.expired) return [reply(flow?.expired ?? 'That question timed out, so I have put it aside. Send the command again to start over.')];
          return [reply('That conversation is no longer available. Please start it again.')];
        }
        const parsed = step.input.safeParse(text.trim());
        if (!parsed.success) {
          const why = step.invalid ?? parsed.error.issues[0]?.message ?? 'That answer does not fit.';
          return [reply(`${why}\nTry again, or send /cancel to stop.`), asPrompt(await step.prompt(state.data, c))];
        }
        return await withTransaction(c.svc, async (svc) => {
          const inTx = { ...c, svc };
          const outcome = await step.next(parsed.data, state.data, inTx);
          if ('invalid' in outcome) return [reply(`${outcome.invalid}\nTry again, or send /cancel to stop.`), asPrompt(await step.prompt(state.data, inTx))];
          if ('done' in outcome) {
            await endConversation({ ctx: svc, input: { expectedVersion: state.version } });
            return asReplies(outcome.done);
          }
          const nextStep = flow.steps[outcome.step];
          if (!nextStep) throw new Error(`conversation ${flow.kind}: step ${outcome.step} does not exist`);
          await saveConversation({
            ctx: svc,
            input: { kind: flow.kind, step: outcome.step, state: nextStep.state, data: outcome.data, expectedVersion: state.version, ttlMs: flow.ttlMs ?? DEFAULT_CONVERSATION_TTL_MS },
          });
          const prompt = asPrompt(await nextStep.prompt(outcome.data, inTx));
          return outcome.say ? [outcome.say, prompt] : [prompt];
        });
      } catch (error) {
        if (!isConversationConflict(error)) throw error;
      }
    }
    return [reply('Too many messages at once. Please send that again.')];
  }

  async cancel(c: Pick<StepContext, 'svc'>): Promise<Reply> {
    const ended = await endConversation({ ctx: c.svc, input: {} });
    if (!ended.ended) return reply('There was nothing to cancel.');
    return reply(this.registry.conversation(ended.kind ?? '')?.cancelled ?? 'Cancelled. Nothing was changed.');
  }

  private flow(kind: string): Conversation {
    const flow = this.registry.conversation(kind);
    if (!flow) throw new Error(`conversation ${kind} is not registered`);
    return flow;
  }
}

function asPrompt(prompt: Reply): Reply {
  return { ...prompt, expectsText: prompt.expectsText ?? true };
}
