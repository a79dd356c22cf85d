/** A plain sentence for each ServiceError code; commands may override any of them. */
import type { ServiceError, ServiceErrorCode } from '../../services/core/errors.ts';
import { code } from './reply.ts';

const DEFAULTS: Record<ServiceErrorCode, (e: ServiceError) => string> = {
  NOT_FOUND: (e) => `${e.message} Check what you typed, or send /help.`,
  FORBIDDEN: () => 'You are not allowed to do that.',
  UNAUTHORIZED: () => 'I need to know you first: send /start.',
  VALIDATION: (e) => `That does not look right: ${e.issues[0]?.message ?? e.message}.`.replace(/\.\.$/, '.'),
  CONFLICT: (e) => `${e.message} Please try again.`,
  LIMIT_EXCEEDED: (e) => e.message,
  PRECONDITION_FAILED: (e) => e.message,
};

export function errorSentence(error: ServiceError, overrides: Partial<Record<ServiceErrorCode, string>> = {}, usage?: string): string {
  const base = overrides[error.code] ?? DEFAULTS[error.code](error);
  return error.code === 'VALIDATION' && usage ? `${base}\nUsage: ${code(usage)}` : base;
}

export function internalErrorSentence(requestId: string): string {
  return `Sorry, something went wrong on our side. It has been logged (ref ${requestId.slice(0, 12)}). Please try again in a moment.`;
}
