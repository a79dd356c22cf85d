/**
 * The Stripe client, from STRIPE_SECRET_KEY; STRIPE_API_URL points it at another server (a local
 * fake in tests, a proxy) through the client's own host/port/protocol options. One client per
 * key and URL. A Stripe Connect account (tenant_stripe_settings.stripe_account_id) is passed per
 * request as `stripeAccount`.
 */
import Stripe from 'stripe';
import type { Config } from '../../config.ts';
import { preconditionFailed } from '../core/errors.ts';

const clients = new Map<string, Stripe>();

export function stripeClient(config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>): Stripe {
  if (!config.STRIPE_SECRET_KEY) throw preconditionFailed('Payments are not configured: set STRIPE_SECRET_KEY.');
  const key = `${config.STRIPE_SECRET_KEY}|${config.STRIPE_API_URL ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    if (config.STRIPE_API_URL) {
      const url = new URL(config.STRIPE_API_URL);
      const protocol = url.protocol === 'http:' ? 'http' : 'https';
      client = new Stripe(config.STRIPE_SECRET_KEY, {
        host: url.hostname,
        port: Number(url.port || (protocol === 'http' ? 80 : 443)),
        protocol,
        maxNetworkRetries: 0,
        telemetry: false,
      });
    } else {
      // Retries are safe: every create carries an idempotency key.
      client = new Stripe(config.STRIPE_SECRET_KEY, { maxNetworkRetries: 2, telemetry: false });
    }
    clients.set(key, client);
  }
  return client;
}

/** Stripe moved current_period_end from the subscription to its items (API 2025-03); read either. */
export function periodEndOf(subscription: Record<string, any>): Date | null {
  const seconds = subscription.current_period_end ?? subscription.items?.data?.[0]?.current_period_end ?? null;
  return typeof seconds === 'number' ? new Date(seconds * 1000) : null;
}

export function unixToDate(seconds: unknown): Date | null {
  return typeof seconds === 'number' ? new Date(seconds * 1000) : null;
}
