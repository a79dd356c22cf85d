/**
 * Fold one chat account into another when /link joins two identities. Only an account without
 * real data (see account-data.ts) is folded: its chat identities, notifications, referrals and
 * contact rows move to the survivor, and the folded row stays behind as a disabled tombstone
 * (audit history keeps pointing at it). When both accounts own data we refuse rather than
 * guess how to merge two sets of bots.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { botUsers, conversations, notificationPreferences, notifications, platformLinkCodes, privacySettings, referrals, users } from '../../db/schema/index.ts';
import { userDataTables } from './account-data.ts';

type UserRow = typeof users.$inferSelect;
const PLATFORMS = ['telegram', 'discord', 'console'] as const;
const idField = { telegram: 'telegramChatId', discord: 'discordUserId', console: 'consoleUserId' } as const;
const blockedField = { telegram: 'telegramBlockedAt', discord: 'discordBlockedAt', console: null } as const;

export type MergeResult =
  | { status: 'merged'; survivorId: string; foldedId: string }
  | { status: 'both_have_data'; tables: string[] }
  | { status: 'identity_taken'; platform: (typeof PLATFORMS)[number] };

export async function mergeChatAccounts(tx: DbOrTx, issuer: UserRow, redeemer: UserRow, now: Date): Promise<MergeResult> {
  const [issuerData, redeemerData] = [await userDataTables(tx, issuer.id), await userDataTables(tx, redeemer.id)];
  if (issuerData.length > 0 && redeemerData.length > 0) return { status: 'both_have_data', tables: [...new Set([...issuerData, ...redeemerData])] };
  // The account with data survives; when neither has any, the issuer's (older on purpose) does.
  const [survivor, folded] = redeemerData.length > 0 ? [redeemer, issuer] : [issuer, redeemer];

  const moved: Partial<Pick<UserRow, 'telegramChatId' | 'discordUserId' | 'consoleUserId' | 'telegramBlockedAt' | 'discordBlockedAt'>> = {};
  for (const p of PLATFORMS) {
    const theirs = folded[idField[p]];
    if (!theirs) continue;
    const ours = survivor[idField[p]];
    if (ours && ours !== theirs) return { status: 'identity_taken', platform: p };
    moved[idField[p]] = theirs;
    const blocked = blockedField[p];
    if (blocked) moved[blocked] = folded[blocked];
  }
  // Clear the folded identities first: each has a unique index.
  await tx
    .update(users)
    .set({ telegramChatId: null, discordUserId: null, consoleUserId: null, status: 'disabled', isActive: false, preferences: { mergedInto: survivor.id, mergedAt: now.toISOString() }, updatedAt: now })
    .where(eq(users.id, folded.id));
  await tx
    .update(users)
    .set({
      ...moved,
      ...(survivor.utmSourceFirst || survivor.utmMediumFirst || survivor.utmCampaignFirst
        ? {}
        : { utmSourceFirst: folded.utmSourceFirst, utmMediumFirst: folded.utmMediumFirst, utmCampaignFirst: folded.utmCampaignFirst }),
      updatedAt: now,
    })
    .where(eq(users.id, survivor.id));

  await tx.update(notifications).set({ userId: survivor.id }).where(eq(notifications.userId, folded.id));
  await tx.update(botUsers).set({ userId: survivor.id }).where(eq(botUsers.userId, folded.id));
  await tx.delete(conversations).where(eq(conversations.userId, folded.id));
  await tx.delete(platformLinkCodes).where(eq(platformLinkCodes.userId, folded.id));
  await tx.delete(privacySettings).where(eq(privacySettings.userId, folded.id));
  await moveReferrals(tx, survivor.id, folded.id);

  // The survivor now reaches the person on the folded account's chat apps too.
  const enable: Partial<typeof notificationPreferences.$inferInsert> = {};
  if (moved.telegramChatId) enable.telegramEnabled = true;
  if (moved.discordUserId) enable.discordEnabled = true;
  await tx.insert(notificationPreferences).values({ userId: survivor.id, ...enable, createdAt: now, updatedAt: now }).onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...enable, updatedAt: now } });
  await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, folded.id));
  return { status: 'merged', survivorId: survivor.id, foldedId: folded.id };
}

async function moveReferrals(tx: DbOrTx, survivorId: string, foldedId: string): Promise<void> {
  await tx.update(referrals).set({ referrerId: survivorId }).where(and(eq(referrals.referrerId, foldedId), ne(referrals.referredId, survivorId)));
  await tx.delete(referrals).where(and(eq(referrals.referrerId, foldedId), eq(referrals.referredId, survivorId)));
  const [survivorReferred] = await tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.referredId, survivorId));
  if (survivorReferred) await tx.delete(referrals).where(eq(referrals.referredId, foldedId));
  else await tx.update(referrals).set({ referredId: survivorId }).where(and(eq(referrals.referredId, foldedId), ne(referrals.referrerId, survivorId)));
  await tx.delete(referrals).where(eq(referrals.referredId, foldedId));
}
