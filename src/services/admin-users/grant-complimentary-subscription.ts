/**
 * Give a user a plan for free until a date: a manual, complimentary subscription with who granted
 * it and why, plus a subscription_history row. A previous complimentary grant is replaced; a paid
 * subscription is left alone and the grant refused (cancel it with its provider first).
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { plans, subscriptionHistory, subscriptions, users } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isStaff } from '../admin-core/roles.ts';
import { ZERO } from '../../shared/money.ts';

export const grantComplimentarySubscription = defineVerb({
  name: 'subscription.grant',
  input: z.object({
    userId: z.string().min(1).max(64),
    plan: z.enum(['basic', 'pro', 'enterprise']),
    until: z.coerce.date({ message: 'Enter the date the grant ends.' }),
    reason: z.string().trim().min(1, 'Say why this is granted.').max(1000),
  }),
  allow: isStaff,
  run: async ({ ctx, input, tx }) => {
    const now = ctx.env.clock.now();
    if (input.until <= now) throw invalid('The grant must end in the future.', [{ field: 'until', message: 'must be in the future' }]);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound('That user');
    const current = await tx
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, user.id), inArray(subscriptions.status, ['active', 'trial'])))
      .for('update');
    if (current.some((s) => !s.isComplimentary && s.provider !== 'manual')) {
      throw conflict('This user has a paid subscription. Cancel it with its provider before granting one.');
    }
    for (const old of current) {
      await tx.update(subscriptions).set({ status: 'cancelled', cancelledAt: now, autoRenew: false, updatedAt: now }).where(eq(subscriptions.id, old.id));
      await tx.insert(subscriptionHistory).values({ subscriptionId: old.id, plan: old.plan, status: 'cancelled', billingCycle: old.billingCycle, amount: old.amount, changeReason: 'Replaced by a complimentary grant', createdAt: now });
    }
    const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.name, input.plan));
    const grantedBy = actorUserId(ctx.actor);
    const [sub] = await tx
      .insert(subscriptions)
      .values({
        userId: user.id,
        planId: plan?.id ?? null,
        plan: input.plan,
        status: 'active',
        billingCycle: 'monthly',
        amount: ZERO,
        provider: 'manual',
        startedAt: now,
        expiresAt: input.until,
        currentPeriodStart: now,
        currentPeriodEnd: input.until,
        autoRenew: false,
        grantedBy,
        grantReason: input.reason,
        isComplimentary: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(subscriptionHistory).values({ subscriptionId: sub.id, plan: sub.plan, status: 'active', billingCycle: sub.billingCycle, amount: sub.amount, changeReason: `Complimentary grant: ${input.reason}`, createdAt: now });
    await tx.update(users).set({ subscriptionPlan: input.plan, updatedAt: now }).where(and(eq(users.id, user.id), ne(users.subscriptionPlan, input.plan)));
    await raiseNotification(tx, {
      userId: user.id,
      type: 'SUBSCRIPTION_CREATED',
      title: `You have the ${input.plan} plan`,
      message: `Our team gave you the ${input.plan} plan until ${input.until.toISOString().slice(0, 10)}. Enjoy!`,
      metadata: { subscriptionId: sub.id, complimentary: true },
      now,
    });
    await auditAdmin(tx, ctx, 'subscription.grant', { targetUserId: user.id, subscriptionId: sub.id, plan: input.plan, until: input.until.toISOString(), reason: input.reason, replaced: current.map((s) => s.id) });
    return sub;
  },
});
