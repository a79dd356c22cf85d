/**
 * Which channel is a tenant's VIP channel and which bots act on it: the signal bot (admin of the
 * channel: invite links, removals) and the bot that writes to subscribers in private (the
 * message bot, or the signal bot when there is none).
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { tenantCrosspromoSettings } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { findTenantBot, type TenantBot } from '../telegram/tenant-bot-api.ts';

export interface VipChannel {
  chatId: string;
  channelBot: TenantBot;
  messageBot: TenantBot;
}

export async function findVipChannel(db: DbOrTx, env: Pick<ServiceEnv, 'keyring'>, tenantId: string): Promise<VipChannel | null> {
  const channelBot = await findTenantBot(db, env, tenantId, 'signal_bot');
  if (!channelBot) return null;
  const [promo] = await db.select({ vip: tenantCrosspromoSettings.vipChannelId }).from(tenantCrosspromoSettings).where(eq(tenantCrosspromoSettings.tenantId, tenantId));
  const chatId = promo?.vip || channelBot.channelId;
  if (!chatId) return null;
  const messageBot = (await findTenantBot(db, env, tenantId, 'message_bot')) ?? channelBot;
  return { chatId, channelBot, messageBot };
}
