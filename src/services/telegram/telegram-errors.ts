/**
 * What a failed Bot API call means for a sender: wait and retry (429), stop messaging this
 * person (403 blocked / deactivated), nothing to do (400 message is not modified), refused for
 * good (other 4xx: the message was not delivered), or unknown (network error or timeout: it
 * may have been delivered, so a sender that must not duplicate does not retry).
 */
import { GrammyError, HttpError } from 'grammy';

export type SendFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'blocked'; message: string }
  | { kind: 'not_modified' }
  | { kind: 'rejected'; message: string }
  | { kind: 'unknown'; message: string };

export function classifyTelegramError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return { kind: 'rate_limited', retryAfterMs: Math.max(1, error.parameters.retry_after ?? 1) * 1000 };
    if (error.error_code === 403) return { kind: 'blocked', message: error.description };
    if (error.error_code === 400 && /message is not modified/i.test(error.description)) return { kind: 'not_modified' };
    if (error.error_code >= 400 && error.error_code < 500) return { kind: 'rejected', message: error.description };
    return { kind: 'unknown', message: error.description };
  }
  if (error instanceof HttpError) return { kind: 'unknown', message: error.message };
  return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
}
