/**
 * A chat command: name, description, aliases, zod-parsed arguments, the role it needs, help
 * text and a handler that calls service verbs only. Arguments are positional words
 * (`positional`), optionally followed by free text that fills `rest`; Discord gets one string
 * option per argument, built from the same lists.
 */
import type { z } from 'zod';
import type { ServiceContext, UserRole } from '../../services/core/context.ts';
import type { ServiceErrorCode } from '../../services/core/errors.ts';
import type { ChatInput } from './input.ts';
import type { CommandRegistry } from './registry.ts';
import type { MessageRef, Replies, Reply } from './reply.ts';

export type ArgsSchema = z.ZodObject<Record<string, z.ZodType>>;

export interface ModalField {
  /** The argument the field fills. */
  arg: string;
  label: string;
  style?: 'short' | 'paragraph';
  required?: boolean;
  maxLength?: number;
}

export interface CommandContext<A> {
  args: A;
  input: ChatInput;
  /** Service context with the chat's own user as actor: pass it to every verb. */
  svc: ServiceContext;
  user: { id: string; role: UserRole };
  send(reply: Reply): Promise<MessageRef>;
  edit(ref: MessageRef, reply: Reply): Promise<void>;
  /** Delete the message the person sent (Telegram: e.g. after reading API keys). No-op where there is none. */
  deleteInput(): Promise<void>;
  /** Begin a registered conversation in this chat (at its first step, or at `step`); returns that step's prompt. */
  startConversation(kind: string, data?: Record<string, unknown>, step?: string): Promise<Reply>;
  /** End this chat's conversation, whatever it is (what /cancel does). */
  cancelConversation(): Promise<Reply>;
  /** Every registered command and conversation (for /help and menus). */
  registry: CommandRegistry;
}

export interface CommandSpec<S extends ArgsSchema = ArgsSchema> {
  name: string;
  description: string;
  aliases?: string[];
  /** Groups /help's list: 'Start', 'Account', 'Trading', 'Support', … */
  category?: string;
  args?: S;
  positional?: (keyof z.output<S> & string)[];
  rest?: keyof z.output<S> & string;
  /** Shown when arguments are wrong; generated from the argument lists when absent. */
  usage?: string;
  /** Longer help for /help <command>. */
  help?: string;
  /** Discord option descriptions, by argument. */
  argHelp?: Partial<Record<keyof z.output<S> & string, string>>;
  role?: UserRole;
  /** Refuse in groups and servers (secrets, personal data). */
  privateOnly?: boolean;
  /** Not listed in /help or the platforms' command menus. */
  hidden?: boolean;
  /** Discord: when these arguments are missing, ask for them in a modal instead of in the channel. */
  modal?: { title: string; fields: ModalField[] };
  /** Plain sentences that replace the defaults for this command's service errors. */
  errors?: Partial<Record<ServiceErrorCode, string>>;
  handler(c: CommandContext<z.output<S>>): Promise<Replies> | Replies;
}

export type Command = CommandSpec<any>;

export function defineCommand<S extends ArgsSchema>(spec: CommandSpec<S>): CommandSpec<S> {
  return spec;
}

export function commandUsage(cmd: Command): string {
  if (cmd.usage) return cmd.usage;
  const shape: Record<string, z.ZodType> = cmd.args?.shape ?? {};
  const optional = (name: string) => shape[name]?.safeParse(undefined).success ?? true;
  const words = (cmd.positional ?? []).map((n) => (optional(n) ? `[${n}]` : `<${n}>`));
  if (cmd.rest) words.push(optional(cmd.rest) ? `[${cmd.rest}…]` : `<${cmd.rest}…>`);
  return [`/${cmd.name}`, ...words].join(' ');
}

/** Split the text after the command into words; "double quotes" keep spaces together. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2]);
  return out;
}

/** Map words (or Discord's named options) onto the argument names; the schema parses them. */
export function collectArgs(cmd: Command, argText: string, named?: Record<string, string>): { ok: true; raw: Record<string, string> } | { ok: false } {
  if (named) return { ok: true, raw: named };
  const positional = cmd.positional ?? [];
  const raw: Record<string, string> = {};
  let rest = argText.trim();
  for (const name of positional) {
    const m = /^("([^"]*)"|(\S+))\s*/.exec(rest);
    if (!m) break;
    raw[name] = m[2] ?? m[3];
    rest = rest.slice(m[0].length);
  }
  if (rest) {
    if (!cmd.rest) return { ok: false };
    raw[cmd.rest] = rest;
  }
  return { ok: true, raw };
}
