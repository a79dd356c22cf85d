/**
 * A tick that failed: recorded as an execution with status error; after N consecutive
 * failures the bot goes to `error`, keeps the message, and the user gets a BOT_ERROR.
 */
import { redactText } from '../../logger.ts';
import { Decimal, ZERO } from '../../shared/money.ts';
import type { BotRow } from '../bots/bot-access.ts';
import type { WriteSet } from './write-set.ts';

export function assembleFailure(writes: WriteSet, bot: BotRow, error: unknown, executionId: string, now: Date, maxFailures: number): void {
  const message = redactText(error instanceof Error ? error.message : String(error)).slice(0, 500);
  const failures = bot.consecutiveFailures + 1;
  const toError = failures >= maxFailures;
  writes.executions.push({ botId: bot.id, executionId, signal: 'HOLD', confidence: ZERO, reason: `tick failed: ${message}`, price: new Decimal(0), indicators: {}, status: 'error', error: message, timestamp: now });
  writes.botUpdates.push({
    id: bot.id, engineState: bot.engineState, currentBalance: bot.currentBalance, lastExecutionAt: now, lastCandleAt: bot.lastCandleAt,
    totalTrades: bot.totalTrades, winningTrades: bot.winningTrades, losingTrades: bot.losingTrades, profit: bot.profit, profitPercentage: bot.profitPercentage,
    lastTradeAt: bot.lastTradeAt, consecutiveFailures: failures, status: toError ? 'error' : bot.status, errorMessage: message,
  });
  writes.logs.push({ userId: bot.userId, botId: bot.id, logLevel: 'error', message: `tick failed (${failures}/${maxFailures}): ${message}`, context: { executionId }, source: 'bot_runner', createdAt: now });
  if (toError) {
    writes.notifications.push({
      userId: bot.userId, type: 'BOT_ERROR', channel: 'IN_APP', priority: 'CRITICAL', title: `${bot.name} stopped on an error`,
      message: `${bot.name} failed ${failures} times in a row and was stopped: ${message}. Fix the cause, then start it again.`,
      metadata: { botId: bot.id }, createdAt: now, updatedAt: now,
    });
  }
}
