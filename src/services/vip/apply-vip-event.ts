/**
 * What a Stripe event does to VIP membership (telegram_subscriptions). Telegram calls (invite,
 * removal) are not made here: the row's state says what is owed and the member sync
 * (sync-vip-members.ts) does it, so a crash between the two is repaired by the next run.
 *
 * - checkout.session.completed (ours): the member is active; lifetime for a one-off payment,
 *   otherwise until the subscription's period end (read from Stripe), trial recorded.
 * - customer.subscription.created/updated: period end, cancel-at-period-end, and status:
 *   trialing, active and past_due keep access (past_due is the grace period while Stripe
 *   retries the card); canceled, unpaid and incomplete_expired end it. trialing → active is a
 *   converted trial.
 * - customer.subscription.deleted: access ends now.
 * - invoice.paid after a trial: converted.
 */
import { and, eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { DbOrTx } from '../../db/client.ts';
import { telegramSubscriptions } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import type { ServiceContext, ServiceEnv } from '../core/context.ts';
import { periodEndOf, stripeClient, unixToDate } from './stripe-client.ts';

type Context = { subscription: Record<string, any> | null };

const ENDED = new Set(['canceled', 'unpaid', 'incomplete_expired']);

export async function fetchVipEventContext(env: ServiceEnv, event: Stripe.Event): Promise<Context> {
  if (event.type !== 'checkout.session.completed') return { subscription: null };
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.metadata?.tradewire !== 'vip' || typeof session.subscription !== 'string') return { subscription: null };
  const options = event.account ? { stripeAccount: event.account } : undefined;
  const subscription = await stripeClient(env.config).subscriptions.retrieve(session.subscription, undefined, options);
  return { subscription: subscription as unknown as Record<string, any> };
}

export async function applyVipEvent(tx: DbOrTx, ctx: ServiceContext, event: Stripe.Event, context: Context): Promise<string> {
  const now = ctx.env.clock.now();
  const object = event.data.object as unknown as Record<string, any>;
  if (event.type === 'checkout.session.completed') {
    const m = object.metadata ?? {};
    if (m.tradewire !== 'vip' || !m.tenantId) return 'ignored';
    const sub = context.subscription;
    const lifetime = m.planType === 'lifetime' || object.mode === 'payment';
    const email = object.customer_details?.email ?? object.customer_email ?? `tg-${m.telegramUserId}@users.telegram.invalid`;
    const values = {
      tenantId: m.tenantId as string,
      email,
      stripeCustomerId: typeof object.customer === 'string' ? object.customer : null,
      stripeSubscriptionId: typeof object.subscription === 'string' ? object.subscription : null,
      stripeCheckoutSessionId: object.id as string,
      planType: lifetime ? 'lifetime' : (m.planType as string) || 'monthly',
      telegramUserId: m.telegramUserId ? Number(m.telegramUserId) : null,
      telegramUsername: m.telegramUsername || null,
      status: 'active',
      currentPeriodEnd: lifetime ? null : sub ? periodEndOf(sub) : null,
      trialEndsAt: sub?.status === 'trialing' ? unixToDate(sub.trial_end) : null,
      cancelAtPeriodEnd: false,
      removedAt: null,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(telegramSubscriptions)
      .values(values)
      .onConflictDoUpdate({
        target: [telegramSubscriptions.tenantId, telegramSubscriptions.email],
        // A member who is still in the channel keeps their place; anyone else gets a new invite.
        set: {
          ...values,
          joinedAt: sql`case when ${telegramSubscriptions.removedAt} is null then ${telegramSubscriptions.joinedAt} end`,
          inviteLink: sql`case when ${telegramSubscriptions.removedAt} is null then ${telegramSubscriptions.inviteLink} end`,
          inviteSentAt: sql`case when ${telegramSubscriptions.removedAt} is null then ${telegramSubscriptions.inviteSentAt} end`,
        },
      })
      .returning({ id: telegramSubscriptions.id });
    await writeAudit(tx, ctx, 'vip_subscription.activate', { tenantId: values.tenantId, subscriptionId: row.id, planType: values.planType, eventId: event.id });
    return 'activated';
  }
  if (event.type.startsWith('customer.subscription.')) {
    const [row] = await tx.select().from(telegramSubscriptions).where(eq(telegramSubscriptions.stripeSubscriptionId, object.id as string));
    if (!row) return 'ignored';
    const deleted = event.type === 'customer.subscription.deleted';
    const ended = deleted || ENDED.has(object.status);
    const previous = (event.data as { previous_attributes?: Record<string, any> }).previous_attributes;
    const converted = row.isConverted || (previous?.status === 'trialing' && object.status === 'active');
    await tx
      .update(telegramSubscriptions)
      .set({
        status: ended ? 'cancelled' : 'active',
        currentPeriodEnd: deleted ? now : (periodEndOf(object) ?? row.currentPeriodEnd),
        cancelAtPeriodEnd: !!object.cancel_at_period_end,
        trialEndsAt: row.trialEndsAt ?? (object.status === 'trialing' ? unixToDate(object.trial_end) : null),
        isConverted: converted,
        updatedAt: now,
      })
      .where(and(eq(telegramSubscriptions.id, row.id), eq(telegramSubscriptions.tenantId, row.tenantId)));
    await writeAudit(tx, ctx, 'vip_subscription.update', { tenantId: row.tenantId, subscriptionId: row.id, stripeStatus: object.status, eventId: event.id });
    return ended ? 'ended' : 'updated';
  }
  if (event.type === 'invoice.paid' || event.type === 'invoice.payment_succeeded') {
    const subscriptionId = object.subscription ?? object.parent?.subscription_details?.subscription;
    if (typeof subscriptionId !== 'string' || !(object.amount_paid > 0)) return 'ignored';
    const [row] = await tx.select().from(telegramSubscriptions).where(eq(telegramSubscriptions.stripeSubscriptionId, subscriptionId));
    if (!row) return 'ignored';
    const periodEnd = unixToDate(object.lines?.data?.[0]?.period?.end);
    await tx
      .update(telegramSubscriptions)
      .set({ isConverted: row.isConverted || row.trialEndsAt !== null, currentPeriodEnd: periodEnd ?? row.currentPeriodEnd, updatedAt: now })
      .where(eq(telegramSubscriptions.id, row.id));
    return 'renewed';
  }
  return 'ignored';
}
