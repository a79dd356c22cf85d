/**
 * Typed service errors. Each adapter turns a code into a plain sentence (chat) or a status
 * (HTTP). Anything that is not a ServiceError is a bug: logged with the request id, shown to a
 * person as a generic apology.
 */
export const SERVICE_ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'VALIDATION',
  'CONFLICT',
  'LIMIT_EXCEEDED',
  'PRECONDITION_FAILED',
] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

export interface FieldIssue {
  field: string; // dotted path, '' for the whole input
  message: string;
}

export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly issues: FieldIssue[];
  readonly details?: Record<string, unknown>;

  constructor(code: ServiceErrorCode, message: string, options: { issues?: FieldIssue[]; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }
}

export const notFound = (what: string) => new ServiceError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do that.') => new ServiceError('FORBIDDEN', message);
export const unauthorized = (message = 'Please sign in first.') => new ServiceError('UNAUTHORIZED', message);
export const conflict = (message: string) => new ServiceError('CONFLICT', message);
export const limitExceeded = (message: string, details?: Record<string, unknown>) => new ServiceError('LIMIT_EXCEEDED', message, { details });
export const preconditionFailed = (message: string) => new ServiceError('PRECONDITION_FAILED', message);
export const invalid = (message: string, issues: FieldIssue[] = []) => new ServiceError('VALIDATION', message, { issues });

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}

/** HTTP status for each code (console JSON API, webhooks). */
export const HTTP_STATUS: Record<ServiceErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  VALIDATION: 422,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 429,
  PRECONDITION_FAILED: 412,
};
