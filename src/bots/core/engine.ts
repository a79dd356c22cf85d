/**
 * The chat engine: every adapter hands it each incoming message or button press. It applies the
 * guards (rate limit, maintenance mode, banned or suspended users), resolves the chat's user,
 * then runs a command or feeds the current conversation, and turns every failure into a plain
 * sentence (usage for bad arguments, one sentence per ServiceError code, an apology for bugs).
 */
import { z } from 'zod';
import { systemContext, type Actor, type ServiceContext, type ServiceEnv, type UserRole } from '../../services/core/context.ts';
import { isServiceError } from '../../services/core/errors.ts';
import { assertUserActive } from '../../services/identity/assert-user-active.ts';
import { resolveChatUser } from '../../services/identity/resolve-chat-user.ts';
import { getSystemSettings } from '../../services/system/get-system-settings.ts';
import { collectArgs, commandUsage, type Command, type CommandContext } from './command.ts';
import { ConversationRunner } from './conversation-runner.ts';
import { errorSentence, internalErrorSentence } from './error-text.ts';
import type { ChatInput, ChatIO } from './input.ts';
import { ChatRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import type { CommandRegistry } from './registry.ts';
import { asReplies, cleanInput, code, reply, type Reply } from './reply.ts';

export interface ChatEngineOptions {
  env: ServiceEnv;
  registry: CommandRegistry;
  rateLimit?: RateLimitOptions;
}

export class ChatEngine {
  readonly env: ServiceEnv;
  readonly registry: CommandRegistry;
  readonly conversations: ConversationRunner;
  private readonly limiter: ChatRateLimiter;

  constructor(options: ChatEngineOptions) {
    this.env = options.env;
    this.registry = options.registry;
    this.conversations = new ConversationRunner(options.registry);
    this.limiter = new ChatRateLimiter(options.env.clock, options.rateLimit);
  }

  async handle(raw: ChatInput, io: ChatIO): Promise<void> {
    const input = { ...raw, text: cleanInput(raw.text).trim() };
    const send = (replies: Reply[]) => this.deliver(replies, input, io);
    const limit = this.limiter.take(`${input.platform}:${input.chatId}`);
    if (limit !== 'ok') {
      if (limit === 'limited') await send([reply('You are sending messages faster than I can read them. Give me a few seconds.')]);
      return;
    }
    try {
      const sys = systemContext(this.env, 'chat', input.requestId);
      const settings = await getSystemSettings({ ctx: sys });
      const identity = { platform: input.platform, platformUserId: input.platformUserId, chatId: input.chatId, ...input.profile };
      const user = await resolveChatUser({ ctx: sys, input: { ...identity, create: !settings.maintenanceMode } });
      const staff = user?.role === 'admin' || user?.role === 'superadmin';
      if (settings.maintenanceMode && !staff) {
        return await send([reply(settings.maintenanceMessage || 'Tradewire is down for maintenance. Please try again a little later.')]);
      }
      if (!user) return await send([reply('Please send /start first.')]);
      const active = await assertUserActive({ ctx: sys, input: { userId: user.userId } });
      if (!active.active) return await send([reply(active.message)]);

      const actor: Actor = { kind: input.platform, userId: user.userId, role: user.role, platformUserId: input.platformUserId, chatId: input.chatId, tenantId: 'default' };
      const svc: ServiceContext = { actor, requestId: input.requestId, env: this.env };
      await send(await this.route(input, io, svc, { id: user.userId, role: user.role }));
    } catch (error) {
      await send([this.failure(error, input)]).catch((e) => this.env.logger.warn({ err: e, requestId: input.requestId }, 'could not send an error reply'));
    }
  }

  private async route(input: ChatInput, io: ChatIO, svc: ServiceContext, user: { id: string; role: UserRole }): Promise<Reply[]> {
    const parsed = /^\/([A-Za-z0-9_]{1,64})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(input.text);
    if (!parsed) {
      const answered = await this.conversations.continue(input.text, { svc, user, input, deleteInput: async () => io.deleteInput?.() });
      if (answered) return answered;
      // In groups people talk to each other: only commands and answers to our questions are for us.
      if (!input.isPrivate) return [];
      if (input.text.startsWith('/')) return [reply('That is not a command I know. Send /help for the list.')];
      return [reply(input.source === 'button' ? 'That button belongs to a question that is over. Send /help to see what I can do.' : 'I did not catch that. Send /help to see what I can do.')];
    }
    const name = parsed[1].toLowerCase();
    const cmd = this.registry.find(name);
    if (!cmd) return [reply(`I do not know /${name.slice(0, 32)}. Send /help for the list of commands.`)];
    return this.runCommand(cmd, parsed[2] ?? '', input, io, svc, user);
  }

  private async runCommand(cmd: Command, argText: string, input: ChatInput, io: ChatIO, svc: ServiceContext, user: { id: string; role: UserRole }): Promise<Reply[]> {
    const usage = `Usage: ${code(commandUsage(cmd))}`;
    if (cmd.role && cmd.role !== 'user' && !(user.role === cmd.role || user.role === 'superadmin')) return [reply('That command is for staff only.')];
    if (cmd.privateOnly && !input.isPrivate) return [reply(`Please use /${cmd.name} in a private chat with me: it involves personal details.`)];
    const collected = collectArgs(cmd, argText, input.named);
    const args = collected.ok ? (cmd.args ?? emptyArgs).safeParse(collected.raw) : null;
    if (!args?.success) {
      const issue = args?.error?.issues[0];
      const why = issue ? `${issue.path.length ? `${String(issue.path[0])}: ` : ''}${issue.message}` : 'too many words';
      return [reply(`That does not fit /${cmd.name} (${why}).\n${usage}`)];
    }
    const c: CommandContext<unknown> = {
      args: args.data,
      input,
      svc,
      user,
      send: (r) => io.send(r),
      edit: (ref, r) => io.edit(ref, r),
      deleteInput: async () => io.deleteInput?.(),
      startConversation: (kind, data = {}, step) => this.conversations.start(kind, data, { svc, user, input }, step),
      cancelConversation: () => this.conversations.cancel({ svc }),
      registry: this.registry,
    };
    try {
      return asReplies(await cmd.handler(c));
    } catch (error) {
      if (isServiceError(error)) return [reply(errorSentence(error, cmd.errors, commandUsage(cmd)))];
      throw error;
    }
  }

  private failure(error: unknown, input: ChatInput): Reply {
    if (isServiceError(error)) return reply(errorSentence(error));
    this.env.logger.error({ err: error, requestId: input.requestId, platform: input.platform }, 'chat handler failed');
    return reply(internalErrorSentence(input.requestId));
  }

  private async deliver(replies: Reply[], input: ChatInput, io: ChatIO): Promise<void> {
    for (const r of replies) {
      if (r.replace && input.buttonMessage) await io.edit(input.buttonMessage, r);
      else await io.send(r);
    }
  }
}

const emptyArgs = z.object({});
