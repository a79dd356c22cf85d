/**
 * Telegram through grammY. Every update first claims its update_id in Postgres (a repeat is
 * ignored: Telegram resends what it thinks we missed), then text and button presses go to the
 * chat engine. 429s are retried by auto-retry, honouring retry_after. Long polling or a webhook
 * (mounted in the Hono app with a secret token) feed the same bot.
 */
import { createHash } from 'node:crypto';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, webhookCallback, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Hono } from 'hono';
import { systemContext } from '../../services/core/context.ts';
import { claimChatUpdate } from '../../services/chat/claim-chat-update.ts';
import type { ChatEngine } from '../core/engine.ts';
import type { ChatInput, ChatIO } from '../core/input.ts';
import type { ChatSender } from '../core/sender.ts';
import { asDeliveryError, editTelegramReply, sendTelegramReply } from './telegram-messages.ts';

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramOptions {
  engine: ChatEngine;
  token: string;
  apiRoot?: string;
  /** Preset bot identity (tests); otherwise fetched with getMe on start. */
  botInfo?: UserFromGetMe;
  webhookSecret?: string;
  /** Longest wait auto-retry accepts from a 429 before failing the call. */
  maxRetryDelaySeconds?: number;
}

export function webhookSecretFor(token: string, configured?: string): string {
  return configured ?? createHash('sha256').update(`tradewire-telegram-webhook:${token}`).digest('hex').slice(0, 48);
}

export function createTelegramAdapter(options: TelegramOptions) {
  const { engine } = options;
  const env = engine.env;
  const bot = new Bot(options.token, { botInfo: options.botInfo, client: { apiRoot: options.apiRoot } });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: options.maxRetryDelaySeconds ?? 60 }));
  bot.catch((err) => env.logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'telegram update failed'));

  bot.use(async (ctx, next) => {
    const eventId = `telegram:${ctx.me.id}:${ctx.update.update_id}`;
    const { first } = await claimChatUpdate({ ctx: systemContext(env, 'telegram'), input: { eventId, eventType: 'telegram_update' } });
    if (first) await next();
    else env.logger.debug({ updateId: ctx.update.update_id }, 'repeated telegram update ignored');
  });

  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => {}); // stop the button's spinner even if the rest fails
    const message = ctx.callbackQuery.message;
    if (!message || !ctx.from) return;
    await engine.handle(inputFrom(ctx, message.chat.id, message.chat.type === 'private', ctx.callbackQuery.data, 'button', { id: `${message.chat.id}:${message.message_id}` }), ioFor(ctx, message.chat.id));
  });

  bot.on('message', async (ctx) => {
    if (!ctx.from) return;
    const text = ctx.message.text ?? ctx.message.caption ?? '';
    // In groups, "/cmd@otherbot" is meant for another bot.
    const addressee = /^\/[A-Za-z0-9_]+@([A-Za-z0-9_]+)/.exec(text)?.[1];
    if (addressee && addressee.toLowerCase() !== ctx.me.username.toLowerCase()) return;
    await engine.handle(inputFrom(ctx, ctx.chat.id, ctx.chat.type === 'private', text, 'message'), ioFor(ctx, ctx.chat.id, ctx.message.message_id));
  });

  function inputFrom(ctx: Context, chatId: number, isPrivate: boolean, text: string, source: ChatInput['source'], buttonMessage?: { id: string }): ChatInput {
    const from = ctx.from!;
    return {
      platform: 'telegram',
      platformUserId: String(from.id),
      chatId: String(chatId),
      isPrivate,
      text,
      source,
      buttonMessage,
      profile: { username: from.username, firstName: from.first_name, lastName: from.last_name, languageCode: from.language_code },
      requestId: `tg:${ctx.update.update_id}`,
    };
  }

  function ioFor(ctx: Context, chatId: number, inputMessageId?: number): ChatIO {
    return {
      send: (r) => sendTelegramReply(ctx.api, chatId, r, env.logger),
      edit: (ref, r) => editTelegramReply(ctx.api, ref, r, env.logger),
      deleteInput: async () => {
        if (inputMessageId) await ctx.api.deleteMessage(chatId, inputMessageId).catch((err) => env.logger.warn({ err }, 'could not delete a message'));
      },
    };
  }

  const sender: ChatSender = {
    app: 'telegram',
    async send(to, r) {
      try {
        await sendTelegramReply(bot.api, to, r, env.logger);
      } catch (error) {
        throw asDeliveryError(error);
      }
    },
  };

  return {
    bot,
    sender,
    /** Publish the command list in Telegram's menu. */
    async registerCommands() {
      const commands = engine.registry.list().slice(0, 100).map((c) => ({ command: c.name, description: c.description.slice(0, 256) }));
      await bot.api.setMyCommands(commands);
    },
    /** Mount POST /telegram/webhook (grammY checks the secret token header and answers 401 otherwise). */
    mount(app: Hono<any>) {
      const secretToken = webhookSecretFor(options.token, options.webhookSecret);
      app.post(TELEGRAM_WEBHOOK_PATH, webhookCallback(bot, 'hono', { secretToken, onTimeout: 'return', timeoutMilliseconds: 8_000 }));
    },
    async setWebhook(publicUrl: string) {
      await bot.init();
      await bot.api.setWebhook(new URL(TELEGRAM_WEBHOOK_PATH, publicUrl).toString(), { secret_token: webhookSecretFor(options.token, options.webhookSecret), allowed_updates: [...ALLOWED_UPDATES] });
    },
    /** Long polling, for when there is no public URL. Resolves once polling has started. */
    async startPolling() {
      await bot.init();
      await bot.api.deleteWebhook();
      await new Promise<void>((resolve) => {
        void bot.start({ allowed_updates: [...ALLOWED_UPDATES], onStart: () => resolve() }).catch((err) => env.logger.error({ err }, 'telegram polling stopped'));
      });
    },
    async stop() {
      if (bot.isRunning()) await bot.stop();
    },
  };
}

export type TelegramAdapter = ReturnType<typeof createTelegramAdapter>;
