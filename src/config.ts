/**
 * Every environment variable Tradewire reads, parsed once with zod. No variable is required:
 * with nothing set the service runs on an embedded Postgres with paper bots on replayed candles.
 * A bad value stops start-up with one line naming the variable and what is wrong.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');
const url = z.url({ message: 'must be a URL such as https://example.com' });
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// connection URL');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
  ROLE: z.enum(['all', 'web', 'worker', 'scheduler'], { message: 'must be all, web, worker or scheduler' }).default('all'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  /** Public base URL (https) used for webhooks and links. Enables Telegram webhook mode. */
  PUBLIC_URL: url.optional(),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (IP allow-lists of signal webhooks). */
  TRUST_PROXY: bool.default(false),

  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be between 1 and 200').max(200, 'must be between 1 and 200').default(10),
  /** Where the embedded Postgres, the generated master key and other local state live. */
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: port.default(54329),

  /** 32-byte key, base64 or hex, that encrypts exchange keys, bot tokens and 2FA secrets. */
  MASTER_KEY: z
    .string()
    .refine((v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, as 64 hex characters or base64')
    .optional(),
  /** Older master keys still able to decrypt, as "version:key" pairs separated by commas. */
  MASTER_KEY_PREVIOUS: z.string().optional(),

  SEED_DEMO: bool.default(true),
  MARKET_DATA: z.enum(['auto', 'ccxt', 'replay'], { message: 'must be auto, ccxt or replay' }).default('auto'),
  DEFAULT_EXCHANGE: z.enum(['binance', 'okx', 'bybit'], { message: 'must be binance, okx or bybit' }).default('binance'),
  REPLAY_SPEED: z.coerce.number({ message: 'must be a number' }).positive('must be greater than 0').default(60),
  TICK_INTERVAL_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').default(10),

  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC-DEF… (from @BotFather)').optional(),
  TELEGRAM_API_ROOT: url.default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'may contain only letters, digits, _ and -').optional(),

  DISCORD_APP_ID: z.string().regex(/^\d{5,25}$/, 'must be a numeric application id').optional(),
  DISCORD_PUBLIC_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64-hex-character public key').optional(),
  DISCORD_BOT_TOKEN: z.string().min(20, 'looks too short to be a bot token').optional(),
  DISCORD_API_ROOT: url.default('https://discord.com/api'),

  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_, sk_live_, rk_test_ or rk_live_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, 'must start with whsec_').optional(),
  STRIPE_API_URL: url.optional(),

  LLM_BASE_URL: url.optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),

  ADMIN_API_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parse the environment. Empty strings count as unset. Throws ConfigError with one clear line. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') input[key] = value.trim();
  }
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue.path[0] ?? 'configuration');
  const secret = /KEY|TOKEN|SECRET|PASSWORD|DATABASE_URL/.test(name);
  const shown = secret ? '' : ` (got "${truncate(input[name] ?? '')}")`;
  throw new ConfigError(`Invalid environment variable ${name}: ${issue.message}${shown}`);
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
