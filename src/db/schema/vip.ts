/**
 * Paid VIP channel membership per tenant (seed 003): Stripe settings and a cache of products
 * and prices, subscriptions to a tenant's VIP Telegram channel, and webhook idempotency.
 * `telegram_subscriptions` is membership of a tenant's channel — not the platform plan
 * (`subscriptions`).
 */
import { bigint, boolean, index, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { tenants } from './tenancy.ts';

const tenantRef = () => text().notNull().references(() => tenants.id, { onDelete: 'cascade' });

export const telegramSubscriptions = pgTable(
  'telegram_subscriptions',
  {
    id: id(),
    tenantId: tenantRef(),
    email: text().notNull(),
    stripeCustomerId: text(),
    stripeSubscriptionId: text(),
    planType: text().notNull().default('monthly'),
    telegramUserId: bigint({ mode: 'number' }),
    telegramUsername: text(),
    status: text().notNull().default('active'),
    isConverted: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // membership lifecycle (issue 6)
    stripePriceId: text(),
    stripeCheckoutSessionId: text(),
    currentPeriodEnd: tstz(), // access ends here (null: lifetime)
    trialEndsAt: tstz(), // set when the subscription started as a trial
    cancelAtPeriodEnd: boolean().notNull().default(false),
    inviteLink: text(), // the current one-person link; revoked after the join
    inviteLinkExpiresAt: tstz(),
    inviteSentAt: tstz(), // the DM with the link was attempted (at most once per link)
    joinedAt: tstz(),
    removedAt: tstz(),
  },
  (t) => [
    unique().on(t.tenantId, t.email),
    index().on(t.stripeSubscriptionId),
    index().on(t.tenantId, t.inviteLink),
    index().on(t.status, t.currentPeriodEnd),
    oneOf('telegram_subscriptions_plan_type_check', t.planType, E.VIP_PLAN_TYPES),
    oneOf('telegram_subscriptions_status_check', t.status, E.VIP_STATUSES),
  ],
);

export const tenantStripeSettings = pgTable('tenant_stripe_settings', {
  tenantId: text().primaryKey().references(() => tenants.id, { onDelete: 'cascade' }),
  stripeAccountId: text(),
  vipProductId: text(),
  vipPriceId: text(),
});

/** Cached Stripe products (003 names the table, not its columns). */
export const tenantStripeProducts = pgTable(
  'tenant_stripe_products',
  {
    id: id(),
    tenantId: tenantRef(),
    stripeProductId: text().notNull().unique(),
    name: text().notNull(),
    description: text(),
    active: boolean().notNull().default(true),
    metadata: jsonb().notNull().default({}),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.tenantId)],
);

/** Cached Stripe prices. */
export const tenantStripePrices = pgTable(
  'tenant_stripe_prices',
  {
    id: id(),
    tenantId: tenantRef(),
    stripeProductId: text().notNull(),
    stripePriceId: text().notNull().unique(),
    unitAmount: decimal(), // major currency units
    currency: text().notNull().default('usd'),
    interval: text(), // month, year, or null for one-off (lifetime)
    active: boolean().notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.tenantId)],
);

/** Every webhook event is recorded here before it acts, so a retried event changes nothing. */
export const processedWebhookEvents = pgTable('processed_webhook_events', {
  eventId: text().primaryKey(),
  eventType: text().notNull(),
  processedAt: tstz().notNull().defaultNow(),
});
