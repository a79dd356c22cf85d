/**
 * The grammY Bot of a tenant's bot connection: one instance per connection (and token), cached
 * for the process, created with the decrypted token and TELEGRAM_API_ROOT, fed by the webhook
 * route. Handlers hold no rules: they call services and send what the services return.
 *   private messages: /start [payload] (journeys by deep link), /vip, /coupon, /cancel,
 *                     replies to journey questions, keyword journeys; the sender becomes a bot_user
 *   chat_member / chat_join_request: VIP channel membership
 *   my_chat_member: a person blocking the bot
 */
import { Bot, InlineKeyboard, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { generateCoupon } from '../../services/campaigns/generate-coupon.ts';
import type { ServiceContext, ServiceEnv } from '../../services/core/context.ts';
import { cancelJourneys, replyToJourney, startJourneyFromMessage } from '../../services/journeys/journey-sessions.ts';
import { markBotUserBlocked, recordBotUser } from '../../services/tenants/record-bot-user.ts';
import { readTenantBotSettings } from '../../services/tenants/read-tenant-bot-settings.ts';
import type { TenantBot } from '../../services/telegram/tenant-bot-api.ts';
import { createVipCheckout } from '../../services/vip/create-vip-checkout.ts';
import { handleVipChatMember, handleVipJoinRequest } from '../../services/vip/handle-vip-membership-update.ts';
import { listVipPlans } from '../../services/vip/list-vip-plans.ts';

const bots = new Map<string, Bot>();

export function tenantBotFor(env: ServiceEnv, tb: TenantBot): Bot {
  const key = `${tb.connectionId}|${tb.token}|${env.config.TELEGRAM_API_ROOT}`;
  let bot = bots.get(key);
  if (!bot) {
    const botInfo = { id: Number(tb.token.split(':')[0]), is_bot: true, first_name: tb.botUsername ?? 'bot', username: tb.botUsername ?? 'bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as UserFromGetMe;
    bot = new Bot(tb.token, { botInfo, client: { apiRoot: env.config.TELEGRAM_API_ROOT, timeoutSeconds: 20 } });
    installHandlers(bot, env, tb);
    bots.set(key, bot);
  }
  return bot;
}

function installHandlers(bot: Bot, env: ServiceEnv, tb: TenantBot): void {
  const ctxFor = (c: Context): ServiceContext => ({ actor: { kind: 'webhook', source: 'telegram', tenantId: tb.tenantId }, requestId: `tg:${c.update.update_id}`, env });
  const sendAll = async (c: Context, messages: string[]) => {
    for (const text of messages) await c.reply(text);
  };

  bot.chatType('private').on('message', async (c, next) => {
    await recordBotUser(env, tb.tenantId, { chatId: c.chat.id, username: c.from.username, firstName: c.from.first_name, lastName: c.from.last_name });
    await next();
  });
  bot.chatType('private').command('cancel', async (c) => {
    const ended = await cancelJourneys(env, tb.tenantId, c.chat.id);
    await c.reply(ended ? 'Stopped. Send /start to begin again.' : 'Nothing to cancel.');
  });
  bot.chatType('private').command('vip', async (c) => {
    const plans = await listVipPlans({ ctx: ctxFor(c), input: { tenantId: tb.tenantId } });
    if (plans.length === 0) return void (await c.reply('VIP membership is not available yet.'));
    const keyboard = new InlineKeyboard();
    for (const plan of plans) {
      const checkout = await createVipCheckout({ ctx: ctxFor(c), input: { tenantId: tb.tenantId, priceId: plan.priceId, telegramUserId: c.from.id, telegramUsername: c.from.username } });
      if (checkout.url) keyboard.url(plan.label, checkout.url).row();
    }
    await c.reply('Choose your VIP plan. After paying you receive a personal invite link here.', { reply_markup: keyboard });
  });
  bot.chatType('private').command('coupon', async (c) => {
    const coupon = await generateCoupon({ ctx: ctxFor(c), input: { tenantId: tb.tenantId, chatId: c.chat.id, templateSlug: c.match || undefined } });
    await c.reply(coupon.ok ? `Your coupon: ${coupon.code} (${coupon.discountPercent}% off)` : coupon.reason);
  });
  bot.chatType('private').on('message:text', async (c) => {
    const input = { tenantId: tb.tenantId, chatId: c.chat.id, text: c.message.text };
    const started = await startJourneyFromMessage(env, { ...input, userId: c.from.id });
    if (started) return sendAll(c, started);
    const replied = await replyToJourney(env, input);
    if (replied) return sendAll(c, replied);
    if (/^\/start\b/.test(c.message.text)) await c.reply((await readTenantBotSettings(env, tb.tenantId)).welcome_message);
  });
  bot.on('chat_member', async (c) => {
    await handleVipChatMember(env, tb.tenantId, c.chatMember);
  });
  bot.on('chat_join_request', async (c) => {
    await handleVipJoinRequest(env, tb.tenantId, c.chatJoinRequest);
  });
  bot.on('my_chat_member', async (c) => {
    if (c.chat.type === 'private' && c.myChatMember.new_chat_member.status === 'kicked') await markBotUserBlocked(env, tb.tenantId, c.chat.id);
  });
  bot.catch((error) => env.logger.error({ err: error.error, tenantId: tb.tenantId, updateId: error.ctx.update.update_id }, 'tenant bot update failed'));
}
