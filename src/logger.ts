/**
 * Structured logging (pino). Secrets never reach a log: known secret-bearing keys are
 * redacted wherever they appear, and `redactText` scrubs token-shaped substrings from free text
 * (error messages from client libraries sometimes embed a bot token in a URL).
 */
import { pino, type Logger } from 'pino';

export type { Logger };

const SECRET_KEYS = [
  'password', 'passwordHash', 'token', 'botToken', 'bot_token', 'apiKey', 'api_key', 'apiSecret', 'secret',
  'secretKey', 'passphrase', 'encryptedApiKey', 'encryptedSecretKey', 'encryptedPassphrase', 'twoFactorSecret',
  'authorization', 'cookie', 'masterKey', 'MASTER_KEY', 'DATABASE_URL', 'webhookSecret', 'webhook_secret',
  'refreshToken', 'keyEncrypted', 'key_encrypted', 'backupCodes', 'signingSecret',
];

const redactPaths = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).concat([
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie',
  'req.headers["x-telegram-bot-api-secret-token"]', 'req.headers["stripe-signature"]',
]);

// Telegram bot tokens (123456:AA…), Stripe keys, bearer tokens and URL passwords.
const TOKEN_PATTERNS: RegExp[] = [
  // no leading \b: in Bot API URLs the token follows "bot" (…/bot123456:AA…/getMe)
  /\d{5,12}:[A-Za-z0-9_-]{30,}/g,
  /\b(sk|rk|pk)_(test|live)_[A-Za-z0-9]{8,}\b/g,
  /\bwhsec_[A-Za-z0-9]{8,}\b/g,
  /(Bearer|Bot)\s+[A-Za-z0-9._-]{16,}/g,
  /(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g,
  /\btw_session=[A-Za-z0-9_-]+/g, // the console's session cookie
];

export function redactText(text: string): string {
  let out = text;
  for (const p of TOKEN_PATTERNS) {
    out = out.replace(p, (match, g1) => (typeof g1 === 'string' && g1.startsWith('postgres') ? `${g1}[REDACTED]@` : '[REDACTED]'));
  }
  return out;
}

export interface LoggerOptions {
  level?: string;
  /** Where log lines go; tests pass a stream to assert on output. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: redactPaths, censor: '[REDACTED]' },
      base: { service: 'tradewire' },
      formatters: { level: (label) => ({ level: label }) },
      serializers: {
        err: (err: Error) => {
          const s = pino.stdSerializers.err(err);
          return { ...s, message: redactText(s.message ?? ''), stack: s.stack ? redactText(s.stack) : undefined };
        },
      },
      hooks: {
        logMethod(args, method) {
          // Scrub token-shaped text in the message string itself.
          const mapped = args.map((a) => (typeof a === 'string' ? redactText(a) : a));
          return method.apply(this, mapped as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}
