/**
 * Record what brought a person here (deep-link payload of /start): a referral and UTM
 * attribution (first touch kept once, last touch overwritten). A referral counts only for a
 * new account (created within REFERRAL_WINDOW_MS) that was not referred before and not by
 * itself. referrals.code is unique per row, so each referral stores `${referrerCode}-${random}`.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { referrals, users } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { raiseNotification } from '../notifications/raise-notification.ts';
import { randomCode, requireChatActor } from './chat-identity.ts';
import { parseStartPayload } from './parse-start-payload.ts';

export const REFERRAL_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ReferralOutcome = 'none' | 'recorded' | 'unknown_code' | 'self' | 'already_referred' | 'not_new';

export const applyStartPayload = defineVerb({
  name: 'user.apply_start_payload',
  input: z.object({ payload: z.string().max(64) }),
  run: async ({ ctx, input, tx }): Promise<{ referral: ReferralOutcome; utm: boolean }> => {
    const actor = requireChatActor(ctx.actor);
    const parsed = parseStartPayload(input.payload);
    const now = ctx.env.clock.now();
    let referral: ReferralOutcome = 'none';

    if (parsed.referralCode) referral = await recordReferral(tx, parsed.referralCode);
    if (parsed.utm) {
      const { source = null, medium = null, campaign = null } = parsed.utm;
      await tx.update(users).set({ utmSourceLast: source, utmMediumLast: medium, utmCampaignLast: campaign, updatedAt: now }).where(eq(users.id, actor.userId));
      await tx
        .update(users)
        .set({ utmSourceFirst: source, utmMediumFirst: medium, utmCampaignFirst: campaign })
        .where(and(eq(users.id, actor.userId), isNull(users.utmSourceFirst), isNull(users.utmMediumFirst), isNull(users.utmCampaignFirst)));
    }
    if (referral === 'recorded' || parsed.utm) await writeAudit(tx, ctx, 'user.apply_start_payload', { referral, utm: parsed.utm ?? null });
    return { referral, utm: Boolean(parsed.utm) };

    async function recordReferral(db: typeof tx, code: string): Promise<ReferralOutcome> {
      const [referrer] = await db.select({ id: users.id }).from(users).where(eq(users.referralCode, code));
      if (!referrer) return 'unknown_code';
      if (referrer.id === actor.userId) return 'self';
      const [me] = await db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, actor.userId));
      if (!me || now.getTime() - me.createdAt.getTime() > REFERRAL_WINDOW_MS) return 'not_new';
      const inserted = await db
        .insert(referrals)
        .values({ referrerId: referrer.id, referredId: actor.userId, code: `${code}-${randomCode(6)}`, status: 'pending', createdAt: now })
        .onConflictDoNothing()
        .returning({ id: referrals.id });
      if (inserted.length === 0) return 'already_referred';
      await raiseNotification(db, {
        userId: referrer.id,
        type: 'REFERRAL_JOINED',
        title: 'Someone joined with your link',
        message: 'A new trader started Tradewire from your referral link.',
        now,
      });
      return 'recorded';
    }
  },
});
