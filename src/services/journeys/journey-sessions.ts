/**
 * Running journeys for a chat (journey_user_sessions): start one from a deep link (/start
 * <payload>) or a keyword, take a reply to a question, resume after a delay, cancel. State is in
 * Postgres, so a restart or another instance continues the session. Each function returns the
 * messages to send; the caller sends them after the transaction commits.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { journeyScheduledMessages, journeySteps, journeyTriggers, journeyUserSessions, journeys } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { answerKey, journeyStepSchema, walkJourney, type JourneyStep, type Walk } from './journey-steps.ts';

type Session = typeof journeyUserSessions.$inferSelect;

async function loadSteps(tx: DbOrTx, journeyId: string) {
  const rows = await tx.select().from(journeySteps).where(eq(journeySteps.journeyId, journeyId)).orderBy(asc(journeySteps.stepOrder));
  const steps: JourneyStep[] = rows.map((r) => journeyStepSchema.parse({ ...(r.config as object), type: r.stepType }));
  return { rows, steps };
}

/** Persist where a walk ended: the session's status and step, and the resume row for a delay. */
export async function applyWalk(tx: DbOrTx, session: Session, rows: { id: string }[], walk: Walk, now: Date): Promise<void> {
  const end = walk.end;
  await tx
    .update(journeyUserSessions)
    .set(
      end.status === 'completed'
        ? { status: 'completed', completedAt: now }
        : { status: end.status, currentStepId: rows[end.at].id },
    )
    .where(and(eq(journeyUserSessions.id, session.id), eq(journeyUserSessions.tenantId, session.tenantId)));
  if (end.status === 'waiting_delay') {
    await tx.insert(journeyScheduledMessages).values({
      tenantId: session.tenantId,
      sessionId: session.id,
      stepId: rows[end.resumeAt].id,
      telegramChatId: session.telegramChatId,
      messageContent: { resume: true, stepOrder: end.resumeAt + 1 },
      scheduledFor: new Date(now.getTime() + end.delayMs),
    });
  }
}

/** Start the journey a /start payload or a keyword points to; null when none does. */
export async function startJourneyFromMessage(env: ServiceEnv, input: { tenantId: string; chatId: number; userId: number | null; text: string }): Promise<string[] | null> {
  const text = input.text.trim();
  const deepLink = /^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})$/.exec(text)?.[1];
  const triggers = await env.db
    .select({ journeyId: journeyTriggers.journeyId, type: journeyTriggers.triggerType, config: journeyTriggers.triggerConfig })
    .from(journeyTriggers)
    .innerJoin(journeys, eq(journeys.id, journeyTriggers.journeyId))
    .where(and(eq(journeys.tenantId, input.tenantId), eq(journeys.isActive, true), eq(journeyTriggers.isActive, true)))
    .orderBy(asc(journeys.createdAt));
  const lower = text.toLowerCase();
  const match = triggers.find((t) => {
    const c = t.config as { payload?: string; keyword?: string; match?: string };
    if (t.type === 'deep_link') return deepLink !== undefined && c.payload === deepLink;
    if (t.type === 'keyword' && c.keyword && !text.startsWith('/')) return c.match === 'contains' ? lower.includes(c.keyword) : lower === c.keyword;
    return false;
  });
  if (!match) return null;
  const now = env.clock.now();
  return env.db.transaction(async (tx) => {
    await endOpenSessions(tx, input.tenantId, input.chatId, now);
    const [session] = await tx
      .insert(journeyUserSessions)
      .values({ tenantId: input.tenantId, journeyId: match.journeyId, telegramChatId: input.chatId, telegramUserId: input.userId, status: 'active', startedAt: now })
      .returning();
    const { rows, steps } = await loadSteps(tx, match.journeyId);
    const walk = walkJourney(steps, 0);
    await applyWalk(tx, session, rows, walk, now);
    return walk.messages;
  });
}

/** A message from a chat whose session waits for a reply: store the answer and go on. */
export async function replyToJourney(env: ServiceEnv, input: { tenantId: string; chatId: number; text: string }): Promise<string[] | null> {
  const now = env.clock.now();
  return env.db.transaction(async (tx) => {
    const [session] = await tx
      .select()
      .from(journeyUserSessions)
      .where(and(eq(journeyUserSessions.tenantId, input.tenantId), eq(journeyUserSessions.telegramChatId, input.chatId), eq(journeyUserSessions.status, 'awaiting_reply')))
      .for('update');
    if (!session?.currentStepId) return null;
    const { rows, steps } = await loadSteps(tx, session.journeyId);
    const at = rows.findIndex((r) => r.id === session.currentStepId);
    if (at < 0) return null;
    const key = answerKey(steps[at], at + 1);
    const answers = { ...(session.answers as Record<string, unknown>), ...(key ? { [key]: input.text.slice(0, 4096) } : {}) };
    await tx.update(journeyUserSessions).set({ answers }).where(eq(journeyUserSessions.id, session.id));
    const walk = walkJourney(steps, at + 1);
    await applyWalk(tx, session, rows, walk, now);
    return walk.messages;
  });
}

/** /cancel: every open session of the chat ends and its pending delayed messages are dropped. */
export async function cancelJourneys(env: ServiceEnv, tenantId: string, chatId: number): Promise<number> {
  return env.db.transaction((tx) => endOpenSessions(tx, tenantId, chatId, env.clock.now()));
}

async function endOpenSessions(tx: DbOrTx, tenantId: string, chatId: number, now: Date): Promise<number> {
  const ended = await tx
    .update(journeyUserSessions)
    .set({ status: 'completed', completedAt: now })
    .where(and(eq(journeyUserSessions.tenantId, tenantId), eq(journeyUserSessions.telegramChatId, chatId), ne(journeyUserSessions.status, 'completed')))
    .returning({ id: journeyUserSessions.id });
  if (ended.length) {
    await tx
      .update(journeyScheduledMessages)
      .set({ status: 'failed' })
      .where(and(eq(journeyScheduledMessages.tenantId, tenantId), eq(journeyScheduledMessages.status, 'pending'), inArray(journeyScheduledMessages.sessionId, ended.map((e) => e.id))));
  }
  return ended.length;
}

export { loadSteps };
