/**
 * Bring the VIP channel in line with telegram_subscriptions (job `vip.sync-members`, every
 * minute, and right after a Stripe event). State-driven, so it is safe to run twice and
 * repairs whatever a crash left half done:
 * 1. expiry: an active subscription more than EXPIRY_GRACE past its period end (Stripe did not
 *    renew it) is expired;
 * 2. invites: an active member who has not joined gets a one-person link (member_limit 1,
 *    expire_date), sent once in private; an expired unused link is replaced;
 * 3. removals: a cancelled or expired member is removed (banChatMember, then unbanChatMember
 *    with only_if_banned so they may come back later) and an unused link is revoked.
 */
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { telegramSubscriptions } from '../../db/schema/index.ts';
import { isSystemOrStaff, type ServiceEnv } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { readBotSettings } from '../tenants/tenant-settings.ts';
import { classifyTelegramError } from '../telegram/telegram-errors.ts';
import { botApi } from '../telegram/tenant-bot-api.ts';
import { findVipChannel, type VipChannel } from './vip-channel.ts';

export const EXPIRY_GRACE_MS = 2 * 86_400_000;
type Sub = typeof telegramSubscriptions.$inferSelect;

export const syncVipMembers = defineVerb({
  name: 'vip_member.sync',
  input: z.object({ tenantId: z.string().optional(), limit: z.number().int().min(1).max(1000).default(200) }),
  allow: isSystemOrStaff,
  transactional: false,
  run: async ({ ctx, input }) => {
    const { env } = ctx;
    const now = env.clock.now();
    const tenant = input.tenantId ? eq(telegramSubscriptions.tenantId, input.tenantId) : undefined;
    const expired = await env.db
      .update(telegramSubscriptions)
      .set({ status: 'expired', updatedAt: now })
      .where(and(tenant, eq(telegramSubscriptions.status, 'active'), lt(telegramSubscriptions.currentPeriodEnd, new Date(now.getTime() - EXPIRY_GRACE_MS))))
      .returning({ id: telegramSubscriptions.id });
    const owedInvite = await env.db
      .select()
      .from(telegramSubscriptions)
      .where(and(tenant, eq(telegramSubscriptions.status, 'active'), isNotNull(telegramSubscriptions.telegramUserId), isNull(telegramSubscriptions.joinedAt), or(isNull(telegramSubscriptions.inviteLink), lt(telegramSubscriptions.inviteLinkExpiresAt, now), isNull(telegramSubscriptions.inviteSentAt))))
      .limit(input.limit);
    const owedRemoval = await env.db
      .select()
      .from(telegramSubscriptions)
      .where(and(tenant, inArray(telegramSubscriptions.status, ['cancelled', 'expired']), isNull(telegramSubscriptions.removedAt), or(isNotNull(telegramSubscriptions.telegramUserId), isNotNull(telegramSubscriptions.inviteLink))))
      .limit(input.limit);
    const channels = new Map<string, VipChannel | null>();
    const channelOf = async (tenantId: string) => {
      if (!channels.has(tenantId)) channels.set(tenantId, await findVipChannel(env.db, env, tenantId));
      return channels.get(tenantId)!;
    };
    let invited = 0;
    let removed = 0;
    for (const sub of owedInvite) {
      const channel = await channelOf(sub.tenantId);
      if (channel && (await inviteMember(env, channel, sub, now))) invited += 1;
    }
    for (const sub of owedRemoval) {
      const channel = await channelOf(sub.tenantId);
      if (channel && (await removeMember(env, channel, sub, now))) removed += 1;
    }
    return { expired: expired.length, invited, removed };
  },
});

async function inviteMember(env: ServiceEnv, channel: VipChannel, sub: Sub, now: Date): Promise<boolean> {
  const api = botApi(env, channel.channelBot.token);
  let link = sub.inviteLink;
  try {
    if (!link || !sub.inviteLinkExpiresAt || sub.inviteLinkExpiresAt <= now) {
      const hours = (await readBotSettings(env.db, sub.tenantId)).vip_invite_hours;
      const expires = new Date(now.getTime() + hours * 3_600_000);
      const created = await api.createChatInviteLink(channel.chatId, { name: `VIP ${sub.telegramUserId}`.slice(0, 32), member_limit: 1, expire_date: Math.floor(expires.getTime() / 1000) });
      link = created.invite_link;
      await env.db.update(telegramSubscriptions).set({ inviteLink: link, inviteLinkExpiresAt: expires, inviteSentAt: null, updatedAt: now }).where(eq(telegramSubscriptions.id, sub.id));
    }
    // Claim the DM before sending: the link goes out at most once (the member can ask /vip again).
    const claimed = await env.db
      .update(telegramSubscriptions)
      .set({ inviteSentAt: now })
      .where(and(eq(telegramSubscriptions.id, sub.id), eq(telegramSubscriptions.inviteLink, link), isNull(telegramSubscriptions.inviteSentAt)))
      .returning({ id: telegramSubscriptions.id });
    if (claimed.length === 0) return false;
    await botApi(env, channel.messageBot.token).sendMessage(sub.telegramUserId!, `Welcome to VIP! 🎉\nHere is your personal invite link (one person, expires soon):\n${link}`, {
      link_preview_options: { is_disabled: true },
    });
    return true;
  } catch (error) {
    env.logger.warn({ subscriptionId: sub.id, tenantId: sub.tenantId, failure: classifyTelegramError(error) }, 'VIP invite not delivered');
    return false;
  }
}

async function removeMember(env: ServiceEnv, channel: VipChannel, sub: Sub, now: Date): Promise<boolean> {
  const api = botApi(env, channel.channelBot.token);
  try {
    if (sub.inviteLink && !sub.joinedAt) await api.revokeChatInviteLink(channel.chatId, sub.inviteLink).catch(() => {});
    if (sub.telegramUserId) {
      await api.banChatMember(channel.chatId, sub.telegramUserId, { until_date: Math.floor(now.getTime() / 1000) + 60 });
      await api.unbanChatMember(channel.chatId, sub.telegramUserId, { only_if_banned: true });
    }
  } catch (error) {
    const failure = classifyTelegramError(error);
    // 400 "user not found / not a member" means there is nothing left to remove.
    if (failure.kind !== 'rejected') {
      env.logger.warn({ subscriptionId: sub.id, failure }, 'VIP removal will be retried');
      return false;
    }
  }
  await env.db.update(telegramSubscriptions).set({ removedAt: now, inviteLinkExpiresAt: sql`least(${telegramSubscriptions.inviteLinkExpiresAt}, ${now})`, updatedAt: now }).where(eq(telegramSubscriptions.id, sub.id));
  if (sub.telegramUserId && sub.joinedAt) {
    await botApi(env, channel.messageBot.token).sendMessage(sub.telegramUserId, 'Your VIP access has ended. You can rejoin any time with /vip.').catch(() => {});
  }
  return true;
}
