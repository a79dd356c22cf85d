/**
 * Start the chat adapters this process should run, from the configuration:
 *   - Telegram when TELEGRAM_BOT_TOKEN is set: webhook mode (POST /telegram/webhook, in web
 *     roles) when PUBLIC_URL is set, otherwise long polling (only in ROLE=all or scheduler, since
 *     Telegram allows a single poller per bot).
 *   - Discord when DISCORD_APP_ID, DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN are all set:
 *     POST /discord/interactions in web roles; slash commands registered at start.
 * Every role gets the senders, so workers can deliver notifications. A platform that fails to
 * start is logged and left out; the rest of the service keeps running.
 */
import type { Config } from '../config.ts';
import type { ServiceEnv } from '../services/core/context.ts';
import { createChatRegistry } from './commands/index.ts';
import { ChatEngine } from './core/engine.ts';
import type { CommandRegistry } from './core/registry.ts';
import type { ChatSenders } from './core/sender.ts';
import { createDiscordAdapter } from './discord/discord-adapter.ts';
import { createTelegramAdapter } from './telegram/telegram-adapter.ts';

export interface ChatRuntime {
  engine: ChatEngine;
  /** Route mounts for createApp (webhooks, interactions). */
  mounts: ((app: any) => void)[];
  senders: ChatSenders;
  stop(): Promise<void>;
}

export async function startChat(env: ServiceEnv, options: { role: Config['ROLE']; registry?: CommandRegistry }): Promise<ChatRuntime> {
  const { config, logger } = env;
  const registry = options.registry ?? createChatRegistry();
  const engine = new ChatEngine({ env, registry });
  const web = options.role === 'all' || options.role === 'web';
  const singleton = options.role === 'all' || options.role === 'scheduler';
  const runtime: ChatRuntime = { engine, mounts: [], senders: {}, stop: async () => {} };
  const stops: (() => Promise<void>)[] = [];

  if (config.TELEGRAM_BOT_TOKEN) {
    const telegram = createTelegramAdapter({ engine, token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, webhookSecret: config.TELEGRAM_WEBHOOK_SECRET });
    runtime.senders.telegram = telegram.sender;
    if (config.PUBLIC_URL && web) runtime.mounts.push((app) => telegram.mount(app));
    const publish = async () => {
      await telegram.registerCommands();
      if (config.PUBLIC_URL) await telegram.setWebhook(config.PUBLIC_URL);
      else await telegram.startPolling();
      logger.info({ mode: config.PUBLIC_URL ? 'webhook' : 'polling' }, 'Telegram bot is up');
    };
    if (singleton || (config.PUBLIC_URL && web)) {
      // Not awaited: a slow or unreachable Bot API must not hold up the rest of start-up.
      void publish().catch((err) => logger.error({ err }, 'Telegram bot could not start; check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT'));
    }
    stops.push(() => telegram.stop());
  }

  if (config.DISCORD_APP_ID && config.DISCORD_PUBLIC_KEY && config.DISCORD_BOT_TOKEN) {
    const discord = createDiscordAdapter({ engine, appId: config.DISCORD_APP_ID, publicKey: config.DISCORD_PUBLIC_KEY, botToken: config.DISCORD_BOT_TOKEN, apiRoot: config.DISCORD_API_ROOT });
    runtime.senders.discord = discord.sender;
    if (web) {
      runtime.mounts.push((app) => discord.mount(app));
      void discord.registerCommands().then(
        () => logger.info('Discord slash commands registered'),
        (err) => logger.error({ err }, 'Discord slash commands could not be registered; check the DISCORD_* variables'),
      );
    }
    stops.push(() => discord.drain());
  } else if (config.DISCORD_APP_ID || config.DISCORD_PUBLIC_KEY || config.DISCORD_BOT_TOKEN) {
    logger.warn('Discord needs DISCORD_APP_ID, DISCORD_PUBLIC_KEY and DISCORD_BOT_TOKEN together; it stays off');
  }

  runtime.stop = async () => {
    for (const stop of stops) await stop().catch((err) => logger.warn({ err }, 'error while stopping a chat adapter'));
  };
  return runtime;
}
