/**
 * ccxt clients for the three venues we support. Tests (and air-gapped installs) pass
 * `fetchImplementation` and saved `markets`, so the live code path runs offline unchanged.
 */
import type { Exchange } from 'ccxt';

export const SUPPORTED_VENUES = ['binance', 'okx', 'bybit'] as const;
export type Venue = (typeof SUPPORTED_VENUES)[number];

export interface ExchangeCredentials {
  apiKey: string;
  secret: string;
  password?: string | null; // OKX passphrase
}

export interface CreateExchangeOptions {
  venue: Venue;
  credentials?: ExchangeCredentials;
  testnet?: boolean;
  timeoutMs?: number;
  /** Replace HTTP (tests, air-gapped installs). */
  fetchImplementation?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Saved market definitions, so no loadMarkets() round trip is needed. */
  markets?: Record<string, unknown>;
}

/** ccxt takes about two seconds to load: it is imported on first use, not at start-up. */
export async function createExchange(options: CreateExchangeOptions): Promise<Exchange> {
  const { default: ccxt } = await import('ccxt');
  const Ctor = (ccxt as unknown as Record<string, new (config: Record<string, unknown>) => Exchange>)[options.venue];
  const exchange = new Ctor({
    apiKey: options.credentials?.apiKey,
    secret: options.credentials?.secret,
    password: options.credentials?.password ?? undefined,
    enableRateLimit: true,
    timeout: options.timeoutMs ?? 10_000,
    options: { adjustForTimeDifference: false, defaultType: 'spot' },
  });
  if (options.fetchImplementation) (exchange as unknown as { fetchImplementation: unknown }).fetchImplementation = options.fetchImplementation;
  if (options.testnet) exchange.setSandboxMode(true);
  if (options.markets) exchange.setMarkets(options.markets as never);
  return exchange;
}
