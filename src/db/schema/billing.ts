/**
 * Money in (DESIGN.md): `plans` is the catalogue; `subscriptions` is a user's platform plan
 * (000, 001 and 002 merged, with a provider column); `subscription_history` keeps each change;
 * `invoices` (a bill that can expire) and `payments` (money that moved) stay separate. Also
 * 001's coupons and 000/004's referrals (merged).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import * as E from '../../shared/enums.ts';
import { createdAt, decimal, id, oneOf, tstz, updatedAt } from '../columns.ts';
import { users } from './identity.ts';
import { tenants } from './tenancy.ts';

export const plans = pgTable('plans', {
  id: id(),
  name: text().notNull().unique(),
  description: text(),
  priceMonthly: decimal().notNull(),
  priceYearly: decimal(),
  features: jsonb().notNull().default({}),
  maxBots: integer().notNull(),
  maxStrategies: integer().notNull(),
  aiRequestsPerMonth: integer(),
  backtestMinutesPerMonth: integer().notNull().default(0),
  prioritySupport: boolean().notNull().default(false),
  customStrategies: boolean().notNull().default(false),
  apiAccess: boolean().notNull().default(false),
  isActive: boolean().notNull().default(true),
  sortOrder: integer().notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    planId: text().references(() => plans.id, { onDelete: 'set null' }),
    provider: text().notNull().default('tripay'),
    tripayInvoiceId: text().unique(),
    tripayMerchantId: text(),
    referenceId: text(),
    amount: decimal().notNull(),
    status: text().notNull(),
    paymentMethod: text(),
    paymentChannel: text(),
    transactionId: text(),
    description: text(),
    customerName: text(),
    customerEmail: text(),
    customerPhone: text(),
    expiredAt: tstz(),
    paidAt: tstz(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.userId),
    oneOf('invoices_status_check', t.status, E.INVOICE_STATUSES),
    oneOf('invoices_provider_check', t.provider, E.PAYMENT_PROVIDERS),
  ],
);

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    planId: text().references(() => plans.id, { onDelete: 'cascade' }), // 002
    plan: text().notNull().default('free'), // 000 plan + 001 plan_type
    status: text().notNull(),
    billingCycle: text().notNull().default('monthly'),
    amount: decimal().notNull().default(sql`0`),
    provider: text().notNull().default('manual'), // 001 provider: stripe | tripay | paypal | manual
    providerSubscriptionId: text(), // 001
    stripeCustomerId: text().unique(),
    stripeSubscriptionId: text().unique(),
    invoiceId: text().references(() => invoices.id, { onDelete: 'set null' }), // 002
    startedAt: tstz().notNull().defaultNow(),
    expiresAt: tstz().notNull(),
    currentPeriodStart: tstz(), // 001
    currentPeriodEnd: tstz(), // 001
    cancelledAt: tstz(),
    autoRenew: boolean().notNull().default(true), // 002
    trialEndsAt: tstz(), // 002
    grantedBy: text(),
    grantReason: text(),
    isComplimentary: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.status),
    oneOf('subscriptions_plan_check', t.plan, E.PLAN_NAMES),
    oneOf('subscriptions_status_check', t.status, E.SUBSCRIPTION_STATUSES),
    oneOf('subscriptions_billing_cycle_check', t.billingCycle, E.BILLING_CYCLES),
    oneOf('subscriptions_provider_check', t.provider, E.PAYMENT_PROVIDERS),
  ],
);

export const subscriptionHistory = pgTable(
  'subscription_history',
  {
    id: id(),
    subscriptionId: text().notNull().references(() => subscriptions.id, { onDelete: 'cascade' }),
    plan: text().notNull(),
    status: text().notNull(),
    billingCycle: text().notNull(),
    amount: decimal().notNull(),
    changeReason: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.subscriptionId)],
);

export const payments = pgTable(
  'payments',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    amount: decimal().notNull(),
    currency: text().notNull().default('USD'),
    type: text().notNull(), // subscription, strategy_purchase, …
    status: text().notNull(),
    provider: text().notNull().default('stripe'),
    stripePaymentId: text().unique(),
    metadata: jsonb(),
    createdAt: createdAt(),
    completedAt: tstz(),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.status),
    oneOf('payments_status_check', t.status, E.PAYMENT_STATUSES),
    oneOf('payments_provider_check', t.provider, E.PAYMENT_PROVIDERS),
  ],
);

export const coupons = pgTable(
  'coupons',
  {
    id: id(),
    code: text().notNull().unique(),
    discountPercent: integer().notNull(),
    description: text(),
    isActive: boolean().notNull().default(true),
    maxUses: integer(),
    currentUses: integer().notNull().default(0),
    expirationDate: tstz(),
    createdAt: createdAt(),
    tenantId: text().references(() => tenants.id, { onDelete: 'cascade' }), // tenant-issued codes (003)
  },
  (t) => [index('idx_coupons_code').on(t.code)],
);

export const userCoupons = pgTable(
  'user_coupons',
  {
    id: id(),
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    couponId: text().notNull().references(() => coupons.id, { onDelete: 'cascade' }),
    usedAt: tstz().notNull().defaultNow(),
  },
  (t) => [unique().on(t.userId, t.couponId)],
);

/** 000 referrals + 004 referrals: referrer, referred (unique), code, status, reward. */
export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    referrerId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    referredId: text().notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
    code: text().notNull().unique(),
    rewardAmount: decimal().notNull().default(sql`0`),
    status: text().notNull().default('pending'),
    rewardApplied: boolean().notNull().default(false), // 004
    createdAt: createdAt(),
    rewardedAt: tstz(),
  },
  (t) => [index().on(t.referrerId), index().on(t.code), oneOf('referrals_status_check', t.status, E.REFERRAL_STATUSES)],
);
