/**
 * Discord over HTTP interactions (no gateway): POST /discord/interactions, verified with
 * Ed25519. Slash commands and button presses are acknowledged at once (deferred, type 5 or 6)
 * and answered through REST by editing the original response and sending follow-ups, so slow
 * work never misses Discord's 3-second deadline. In servers, answers are ephemeral (only the
 * person who asked sees their settings or tickets); in DMs they are ordinary messages.
 */
import { DiscordAPIError, REST, Routes } from 'discord.js';
import type { Hono } from 'hono';
import { systemContext } from '../../services/core/context.ts';
import { claimChatUpdate } from '../../services/chat/claim-chat-update.ts';
import type { ChatEngine } from '../core/engine.ts';
import type { ChatInput, ChatIO } from '../core/input.ts';
import type { MessageRef, Reply } from '../core/reply.ts';
import { DeliveryError, type ChatSender } from '../core/sender.ts';
import { ANSWER_BUTTON_ID, stripDupSuffix, toDiscordMessage } from './render-discord.ts';
import { ANSWER_COMMAND, ANSWER_MODAL_ID, answerModal, commandModal, modalValues, slashCommands } from './slash-commands.ts';
import { discordPublicKey, verifyDiscordRequest } from './verify-signature.ts';

export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';
const MAX_BODY_BYTES = 64 * 1024;
const T = { PING: 1, COMMAND: 2, COMPONENT: 3, AUTOCOMPLETE: 4, MODAL_SUBMIT: 5 } as const;
const R = { PONG: 1, DEFERRED_MESSAGE: 5, DEFERRED_UPDATE: 6, AUTOCOMPLETE: 8, MODAL: 9 } as const;

export interface DiscordOptions {
  engine: ChatEngine;
  appId: string;
  publicKey: string;
  botToken: string;
  apiRoot?: string;
}

export function createDiscordAdapter(options: DiscordOptions) {
  const { engine, appId } = options;
  const env = engine.env;
  const key = discordPublicKey(options.publicKey);
  const rest = new REST({ api: options.apiRoot ?? 'https://discord.com/api', version: '10' }).setToken(options.botToken);
  const pending = new Set<Promise<void>>();
  const dmChannels = new Map<string, string>();

  function later(work: () => Promise<void>) {
    const p = work().catch((err) => env.logger.error({ err }, 'discord interaction failed')).finally(() => pending.delete(p));
    pending.add(p);
  }

  async function respond(interaction: any): Promise<{ status: number; body: unknown }> {
    if (interaction.type === T.PING) return { status: 200, body: { type: R.PONG } };
    if (interaction.type === T.AUTOCOMPLETE) return { status: 200, body: { type: R.AUTOCOMPLETE, data: { choices: [] } } };
    const { first } = await claimChatUpdate({ ctx: systemContext(env, 'discord'), input: { eventId: `discord:${interaction.id}`, eventType: 'discord_interaction' } });
    if (!first) return { status: 409, body: { error: 'interaction already handled' } };
    const ephemeral = Boolean(interaction.guild_id);
    const base = identity(interaction);
    const data = interaction.data ?? {};

    if (interaction.type === T.COMMAND) {
      const named = Object.fromEntries((data.options ?? []).map((o: any) => [o.name, String(o.value)])) as Record<string, string>;
      if (data.name === ANSWER_COMMAND) return deferred(ephemeral, { ...base, text: named.text ?? '', source: 'message' });
      const cmd = engine.registry.find(data.name);
      if (cmd?.modal && cmd.modal.fields.some((f) => !(f.arg in named))) return { status: 200, body: { type: R.MODAL, data: commandModal(cmd, named) } };
      return deferred(ephemeral, { ...base, text: `/${data.name}`, named, source: 'message' });
    }
    if (interaction.type === T.COMPONENT) {
      const customId = stripDupSuffix(String(data.custom_id ?? ''));
      if (customId === ANSWER_BUTTON_ID) return { status: 200, body: { type: R.MODAL, data: answerModal() } };
      later(() => run(interaction, { ...base, text: customId, source: 'button', buttonMessage: { id: '@original' } }, ephemeral, false));
      return { status: 200, body: { type: R.DEFERRED_UPDATE } };
    }
    if (interaction.type === T.MODAL_SUBMIT) {
      const values = modalValues(data.components);
      const customId = String(data.custom_id ?? '');
      if (customId === ANSWER_MODAL_ID) return deferred(ephemeral, { ...base, text: values.text ?? '', source: 'modal' });
      const m = /^cmd:([a-z0-9_]{1,32})(?:\?(.*))?$/.exec(customId);
      if (m) return deferred(ephemeral, { ...base, text: `/${m[1]}`, named: { ...Object.fromEntries(new URLSearchParams(m[2] ?? '')), ...values }, source: 'modal' });
    }
    return { status: 400, body: { error: 'unsupported interaction' } };

    function deferred(eph: boolean, input: ChatInput) {
      later(() => run(interaction, input, eph, true));
      return { status: 200, body: { type: R.DEFERRED_MESSAGE, data: eph ? { flags: 64 } : {} } };
    }
  }

  async function run(interaction: any, input: ChatInput, ephemeral: boolean, ownsOriginal: boolean) {
    let originalUsed = false;
    const token = interaction.token as string;
    const io: ChatIO = {
      async send(r) {
        const msg = toDiscordMessage(r, { ephemeral });
        if (ownsOriginal && !originalUsed) {
          originalUsed = true;
          await rest.patch(Routes.webhookMessage(appId, token, '@original'), { body: msg.body, files: msg.files, auth: false });
          return { id: '@original' };
        }
        const sent = (await rest.post(Routes.webhook(appId, token), { body: msg.body, files: msg.files, auth: false })) as { id: string };
        return { id: sent.id };
      },
      async edit(ref: MessageRef, r: Reply) {
        const msg = toDiscordMessage(r, { ephemeral });
        await rest.patch(Routes.webhookMessage(appId, token, ref.id), { body: msg.body, files: msg.files, auth: false });
      },
    };
    await engine.handle(input, io);
    // Nothing was said (e.g. a silently rate-limited chat): remove the "thinking…" placeholder.
    if (ownsOriginal && !originalUsed) await rest.delete(Routes.webhookMessage(appId, token, '@original'), { auth: false }).catch(() => {});
  }

  function identity(interaction: any): Omit<ChatInput, 'text' | 'source'> {
    const user = interaction.member?.user ?? interaction.user ?? {};
    return {
      platform: 'discord',
      platformUserId: String(user.id ?? ''),
      chatId: String(interaction.channel_id ?? interaction.channel?.id ?? user.id ?? ''),
      isPrivate: !interaction.guild_id,
      profile: { username: user.username, firstName: user.global_name ?? user.username, languageCode: interaction.locale },
      requestId: `dc:${interaction.id}`,
    };
  }

  const sender: ChatSender = {
    app: 'discord',
    async send(to, r) {
      try {
        let channel = dmChannels.get(to);
        if (!channel) {
          channel = ((await rest.post(Routes.userChannels(), { body: { recipient_id: to } })) as { id: string }).id;
          dmChannels.set(to, channel);
        }
        const msg = toDiscordMessage(r);
        await rest.post(Routes.channelMessages(channel), { body: msg.body, files: msg.files });
      } catch (error) {
        // 50007: cannot send messages to this user (DMs closed, bot blocked, no shared server); 10013: unknown user.
        if (error instanceof DiscordAPIError) throw new DeliveryError(`discord ${error.code}: ${error.message}`, error.code === 50007 || error.code === 10013);
        throw new DeliveryError(error instanceof Error ? error.message : String(error), false);
      }
    },
  };

  return {
    sender,
    mount(app: Hono<any>) {
      app.post(DISCORD_INTERACTIONS_PATH, async (c) => {
        const body = await c.req.text();
        if (body.length > MAX_BODY_BYTES) return c.json({ error: 'too large' }, 413);
        const verdict = verifyDiscordRequest(key, c.req.header('x-signature-ed25519'), c.req.header('x-signature-timestamp'), body, env.clock.now());
        if (verdict !== 'ok') return c.json({ error: verdict === 'stale' ? 'stale request timestamp' : 'invalid request signature' }, 401);
        let interaction: unknown;
        try {
          interaction = JSON.parse(body);
        } catch {
          return c.json({ error: 'body is not JSON' }, 400);
        }
        const answer = await respond(interaction);
        return c.json(answer.body as object, answer.status as 200);
      });
    },
    /** Overwrite the application's global slash commands with the registry's. */
    async registerCommands() {
      await rest.put(Routes.applicationCommands(appId), { body: slashCommands(engine.registry) });
    },
    /** Wait for interactions still being answered (tests, shutdown). */
    async drain() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

export type DiscordAdapter = ReturnType<typeof createDiscordAdapter>;
