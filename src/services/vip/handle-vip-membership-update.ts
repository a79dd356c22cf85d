/**
 * Telegram tells the channel bot who joined the VIP channel (chat_member, with the invite link
 * used) and who asks to join (chat_join_request). The subscriber who used their own link is
 * marked joined and the link is revoked at once (member_limit counts members present at the
 * same time, so a link that stays valid could be reused after they leave). Someone else using
 * a subscriber's link is removed, the link revoked, and the subscriber gets a new one.
 * A join request is approved for an active subscriber and declined otherwise.
 */
import { and, eq } from 'drizzle-orm';
import type { ChatJoinRequest, ChatMemberUpdated } from 'grammy/types';
import { telegramSubscriptions } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { botApi } from '../telegram/tenant-bot-api.ts';
import { findVipChannel } from './vip-channel.ts';

const IN = new Set(['member', 'restricted', 'administrator', 'creator']);

export async function handleVipChatMember(env: ServiceEnv, tenantId: string, update: ChatMemberUpdated): Promise<'joined' | 'intruder_removed' | 'ignored'> {
  const channel = await findVipChannel(env.db, env, tenantId);
  if (!channel || (String(update.chat.id) !== channel.chatId && `@${update.chat.username ?? ''}` !== channel.chatId)) return 'ignored';
  const joined = !IN.has(update.old_chat_member.status) && IN.has(update.new_chat_member.status);
  const link = update.invite_link?.invite_link;
  if (!joined || !link) return 'ignored';
  const user = update.new_chat_member.user;
  const now = env.clock.now();
  const outcome = await env.db.transaction(async (tx) => {
    const [sub] = await tx
      .select()
      .from(telegramSubscriptions)
      .where(and(eq(telegramSubscriptions.tenantId, tenantId), eq(telegramSubscriptions.inviteLink, link)))
      .for('update');
    if (!sub) return 'ignored' as const;
    if (sub.telegramUserId === null || sub.telegramUserId === user.id) {
      await tx
        .update(telegramSubscriptions)
        .set({ joinedAt: now, telegramUserId: user.id, telegramUsername: user.username ?? sub.telegramUsername, inviteLinkExpiresAt: now, updatedAt: now })
        .where(eq(telegramSubscriptions.id, sub.id));
      return 'joined' as const;
    }
    // Not the subscriber: the next member sync sends the subscriber a fresh link.
    await tx.update(telegramSubscriptions).set({ inviteLink: null, inviteLinkExpiresAt: null, inviteSentAt: null, updatedAt: now }).where(eq(telegramSubscriptions.id, sub.id));
    return 'intruder_removed' as const;
  });
  if (outcome === 'ignored') return outcome;
  const api = botApi(env, channel.channelBot.token);
  await api.revokeChatInviteLink(channel.chatId, link).catch((error) => env.logger.warn({ err: error, tenantId }, 'could not revoke a used VIP invite link'));
  if (outcome === 'intruder_removed') {
    await api.banChatMember(channel.chatId, user.id, { until_date: Math.floor(now.getTime() / 1000) + 60 });
    await api.unbanChatMember(channel.chatId, user.id, { only_if_banned: true });
    env.logger.warn({ tenantId, userId: user.id }, 'removed someone who joined the VIP channel with another member’s invite link');
  }
  return outcome;
}

export async function handleVipJoinRequest(env: ServiceEnv, tenantId: string, request: ChatJoinRequest): Promise<'approved' | 'declined' | 'ignored'> {
  const channel = await findVipChannel(env.db, env, tenantId);
  if (!channel || String(request.chat.id) !== channel.chatId) return 'ignored';
  const [sub] = await env.db
    .select({ id: telegramSubscriptions.id })
    .from(telegramSubscriptions)
    .where(and(eq(telegramSubscriptions.tenantId, tenantId), eq(telegramSubscriptions.telegramUserId, request.from.id), eq(telegramSubscriptions.status, 'active')));
  const api = botApi(env, channel.channelBot.token);
  if (!sub) {
    await api.declineChatJoinRequest(channel.chatId, request.from.id);
    return 'declined';
  }
  await api.approveChatJoinRequest(channel.chatId, request.from.id);
  const now = env.clock.now();
  await env.db.update(telegramSubscriptions).set({ joinedAt: now, updatedAt: now }).where(eq(telegramSubscriptions.id, sub.id));
  return 'approved';
}
