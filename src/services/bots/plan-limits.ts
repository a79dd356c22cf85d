/**
 * The plan a user is on (an active subscription, else users.subscription_plan, else free) and
 * its limits from the `plans` catalogue.
 */
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { plans, subscriptions, users } from '../../db/schema/index.ts';

export interface PlanLimits {
  name: string;
  maxBots: number;
  maxStrategies: number;
  backtestMinutesPerMonth: number;
  liveTrading: boolean;
  backtestDays: number;
}

export async function planFor(tx: DbOrTx, userId: string, now: Date): Promise<PlanLimits> {
  const [sub] = await tx
    .select({ plan: subscriptions.plan })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.status, ['active', 'trial']), gt(subscriptions.expiresAt, now)))
    .orderBy(desc(subscriptions.startedAt))
    .limit(1);
  const [user] = await tx.select({ plan: users.subscriptionPlan }).from(users).where(eq(users.id, userId));
  const name = sub?.plan ?? user?.plan ?? 'free';
  const [row] = await tx.select().from(plans).where(eq(plans.name, name));
  const [free] = row ? [row] : await tx.select().from(plans).where(eq(plans.name, 'free'));
  const features = (free?.features ?? {}) as { liveTrading?: boolean; backtestDays?: number };
  return {
    name: free?.name ?? 'free',
    maxBots: free?.maxBots ?? 2,
    maxStrategies: free?.maxStrategies ?? 2,
    backtestMinutesPerMonth: free?.backtestMinutesPerMonth ?? 30,
    liveTrading: features.liveTrading ?? false,
    backtestDays: features.backtestDays ?? 30,
  };
}
