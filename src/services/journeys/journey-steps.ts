/**
 * Journey steps and how a session walks them (pure). From a step, messages are sent until the
 * journey needs the person (a question or wait-for-reply: 'awaiting_reply'), time (a delay:
 * 'waiting_delay', resumed at the next step by the scheduled-messages job) or ends.
 */
import { z } from 'zod';

const stepText = z.string({ message: 'Write the text of this step.' }).trim().min(1, 'Write the text of this step.').max(4096);

export const journeyStepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), text: stepText }),
  z.object({ type: z.literal('question'), text: stepText, key: z.string({ message: 'Name the answer (a short snake_case key such as email).' }).trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a short snake_case name') }),
  z.object({ type: z.literal('delay'), seconds: z.number({ message: 'Enter the delay in seconds.' }).int().min(1, 'must be at least 1 second').max(30 * 86_400, 'must be at most 30 days') }),
  z.object({ type: z.literal('wait_for_reply'), text: z.string().trim().max(4096).optional(), key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/).optional() }),
]);
export type JourneyStep = z.infer<typeof journeyStepSchema>;

/**
 * A step as a form sends it: blank fields are absent and the delay's seconds may be a numeric
 * string. JSON callers pass numbers and are unaffected.
 */
export const journeyStepInputSchema = z.preprocess((value) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!(typeof v === 'string' && v.trim() === '')) out[k] = v;
  if (typeof out.seconds === 'string' && /^\s*\d+\s*$/.test(out.seconds)) out.seconds = Number(out.seconds);
  return out;
}, journeyStepSchema);

export type WalkEnd =
  | { status: 'awaiting_reply'; at: number }
  | { status: 'waiting_delay'; at: number; resumeAt: number; delayMs: number }
  | { status: 'completed' };

export interface Walk {
  messages: string[];
  end: WalkEnd;
}

/** Walk from step index `from` (0-based). */
export function walkJourney(steps: JourneyStep[], from: number): Walk {
  const messages: string[] = [];
  for (let i = from; i < steps.length; i += 1) {
    const step = steps[i];
    if (step.type === 'message') messages.push(step.text);
    else if (step.type === 'question') return { messages: [...messages, step.text], end: { status: 'awaiting_reply', at: i } };
    else if (step.type === 'wait_for_reply') return { messages: step.text ? [...messages, step.text] : messages, end: { status: 'awaiting_reply', at: i } };
    else if (i + 1 < steps.length) return { messages, end: { status: 'waiting_delay', at: i, resumeAt: i + 1, delayMs: step.seconds * 1000 } };
  }
  return { messages, end: { status: 'completed' } };
}

/** Where an answer is kept in journey_user_sessions.answers. */
export function answerKey(step: JourneyStep, order: number): string | null {
  if (step.type === 'question') return step.key;
  if (step.type === 'wait_for_reply') return step.key ?? `reply_${order}`;
  return null;
}
