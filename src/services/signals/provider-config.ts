/**
 * How a signal provider's webhook is authenticated and read (signal_providers.config):
 * - auth 'hmac': X-Tradewire-Timestamp (unix seconds) and X-Tradewire-Signature
 *   (`sha256=` + hex HMAC-SHA256 of `${timestamp}.${rawBody}` under the provider secret),
 *   accepted within 5 minutes of our clock;
 * - auth 'token': the secret in the URL (?token=) or in the body (TradingView cannot sign:
 *   "secret", "passphrase", "key" or "token" field);
 * - allowedIps: optional allow-list (exact addresses or IPv4 CIDR blocks); TRADINGVIEW_IPS are
 *   TradingView's published webhook senders.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

export const TRADINGVIEW_IPS = ['52.89.214.238', '34.212.75.30', '54.218.53.128', '52.32.178.7'] as const;
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
export const SIGNATURE_HEADER = 'x-tradewire-signature';
export const TIMESTAMP_HEADER = 'x-tradewire-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

const ipOrCidr = z
  .string()
  .trim()
  .refine((v) => isIP(v) !== 0 || /^\d{1,3}(\.\d{1,3}){3}\/([0-9]|[12]\d|3[0-2])$/.test(v), 'must be an IP address or an IPv4 CIDR block such as 10.0.0.0/8');

export const providerConfigSchema = z.object({
  auth: z.enum(['hmac', 'token']).default('token'),
  allowedIps: z.array(ipOrCidr).max(50).default([]),
  /** Quote assumed when a message names only the coin; null requires the full pair. */
  defaultQuote: z.string().trim().toUpperCase().regex(/^[A-Z]{2,6}$/).nullable().default('USDT'),
  requireStop: z.boolean().default(false),
  zoneEntries: z.number().int().min(2).max(10).default(4),
});
export type ProviderConfig = z.output<typeof providerConfigSchema>;

export function readProviderConfig(value: unknown): ProviderConfig {
  const parsed = providerConfigSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : providerConfigSchema.parse({});
}

export function generateProviderSecret(): string {
  return `tws_${randomBytes(24).toString('base64url')}`;
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 address. */
export function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

export function ipAllowed(ip: string | null | undefined, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  if (!ip) return false;
  const address = normalizeIp(ip);
  return allowed.some((entry) => (entry.includes('/') ? inCidr(address, entry) : normalizeIp(entry) === address));
}

function inCidr(ip: string, cidr: string): boolean {
  if (isIP(ip) !== 4) return false;
  const [base, bits] = cidr.split('/');
  const toInt = (a: string) => a.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (toInt(ip) & mask) === (toInt(base) & mask);
}
