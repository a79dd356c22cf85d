/**
 * `/link VGL-XXXX` on the other chat app: joins both identities into one user (see
 * merge-chat-accounts.ts for which account survives). Wrong, used or expired codes are an
 * expected outcome, so they are return values; five failures in ten minutes lock redemption
 * for that user for the rest of the window, which makes guessing codes hopeless.
 */
import { and, count, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLogs, platformLinkCodes, users } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { limitExceeded } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { requireChatActor } from './chat-identity.ts';
import { LINK_CODE_TTL_MS } from './issue-link-code.ts';
import { mergeChatAccounts } from './merge-chat-accounts.ts';

const MAX_FAILURES = 5;

export type LinkOutcome =
  | { status: 'linked'; survivorId: string; platforms: string[] }
  | { status: 'already_linked' }
  | { status: 'invalid_code' }
  | { status: 'same_platform' }
  | { status: 'both_have_data'; tables: string[] }
  | { status: 'identity_taken'; platform: string };

export const redeemLinkCode = defineVerb({
  name: 'link_code.redeem',
  input: z.object({ code: z.string().trim().toUpperCase().regex(/^VGL-[A-Z0-9]{4}$/, 'A link code looks like VGL-7K2Q') }),
  run: async ({ ctx, input, tx }): Promise<LinkOutcome> => {
    const actor = requireChatActor(ctx.actor);
    const now = ctx.env.clock.now();
    const since = new Date(now.getTime() - LINK_CODE_TTL_MS);
    const [failures] = await tx
      .select({ n: count() })
      .from(auditLogs)
      .where(and(eq(auditLogs.userId, actor.userId), eq(auditLogs.action, 'link_code.redeem_failed'), gt(auditLogs.createdAt, since)));
    if (failures.n >= MAX_FAILURES) throw limitExceeded('Too many wrong codes. Wait ten minutes, then send /link in the other app for a fresh code.');

    const [code] = await tx
      .select()
      .from(platformLinkCodes)
      .where(and(eq(platformLinkCodes.code, input.code), eq(platformLinkCodes.used, false), gt(platformLinkCodes.expiresAt, now)))
      .for('update');
    if (!code) {
      await writeAudit(tx, ctx, 'link_code.redeem_failed', {});
      return { status: 'invalid_code' };
    }
    if (code.platform === actor.kind) return { status: 'same_platform' };
    if (code.userId === actor.userId) return { status: 'already_linked' };

    const [issuer] = await tx.select().from(users).where(eq(users.id, code.userId));
    const [redeemer] = await tx.select().from(users).where(eq(users.id, actor.userId));
    const result = await mergeChatAccounts(tx, issuer, redeemer, now);
    if (result.status !== 'merged') return result;
    await tx.update(platformLinkCodes).set({ used: true }).where(eq(platformLinkCodes.id, code.id));
    await writeAudit(tx, { ...ctx, actor: { ...actor, userId: result.survivorId } }, 'user.link_accounts', { survivorId: result.survivorId, foldedId: result.foldedId, via: actor.kind });
    const [survivor] = await tx.select().from(users).where(eq(users.id, result.survivorId));
    const platforms = [survivor.telegramChatId && 'telegram', survivor.discordUserId && 'discord', survivor.consoleUserId && 'console'].filter(Boolean) as string[];
    return { status: 'linked', survivorId: result.survivorId, platforms };
  },
});
