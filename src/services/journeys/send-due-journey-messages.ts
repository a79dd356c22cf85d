/**
 * Job `community.journeys`: resume sessions whose delay is over. Due rows of
 * journey_scheduled_messages are claimed with SKIP LOCKED and marked sent in the same
 * transaction that moves the session on, so two workers never resume one session twice; the
 * messages go out after the commit (at most once).
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { journeyScheduledMessages, journeyUserSessions } from '../../db/schema/index.ts';
import { isSystemOrStaff } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { classifyTelegramError } from '../telegram/telegram-errors.ts';
import { botApi, findTenantBot } from '../telegram/tenant-bot-api.ts';
import { walkJourney } from './journey-steps.ts';
import { applyWalk, loadSteps } from './journey-sessions.ts';

export const sendDueJourneyMessages = defineVerb({
  name: 'journey.send_due',
  input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }),
  allow: isSystemOrStaff,
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    const now = env.clock.now();
    const outgoing = await env.db.transaction(async (tx) => {
      const due = await tx.execute<{ id: string; session_id: string; step_id: string; tenant_id: string; telegram_chat_id: string }>(sql`
        select id, session_id, step_id, tenant_id, telegram_chat_id from journey_scheduled_messages
         where status = 'pending' and scheduled_for <= ${now}
         order by scheduled_for limit ${input.limit} for update skip locked`);
      const out: { tenantId: string; chatId: number; messages: string[] }[] = [];
      for (const row of due.rows) {
        await tx.update(journeyScheduledMessages).set({ status: 'sent', sentAt: now }).where(eq(journeyScheduledMessages.id, row.id));
        const [session] = await tx
          .select()
          .from(journeyUserSessions)
          .where(and(eq(journeyUserSessions.id, row.session_id), eq(journeyUserSessions.tenantId, row.tenant_id), eq(journeyUserSessions.status, 'waiting_delay')));
        if (!session) continue; // cancelled or restarted meanwhile
        const { rows, steps } = await loadSteps(tx, session.journeyId);
        const from = rows.findIndex((r) => r.id === row.step_id);
        if (from < 0) continue;
        const walk = walkJourney(steps, from);
        await applyWalk(tx, session, rows, walk, now);
        out.push({ tenantId: row.tenant_id, chatId: Number(row.telegram_chat_id), messages: walk.messages });
      }
      return out;
    });
    let sent = 0;
    for (const o of outgoing) {
      const bot = (await findTenantBot(env.db, env, o.tenantId, 'message_bot')) ?? (await findTenantBot(env.db, env, o.tenantId, 'signal_bot'));
      if (!bot) continue;
      for (const text of o.messages) {
        try {
          await botApi(env, bot.token).sendMessage(o.chatId, text);
          sent += 1;
        } catch (error) {
          env.logger.warn({ tenantId: o.tenantId, chatId: o.chatId, failure: classifyTelegramError(error) }, 'journey message not sent');
          break;
        }
      }
    }
    return { resumed: outgoing.length, sent };
  },
});
