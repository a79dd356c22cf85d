/**
 * The one place commands and conversations are registered. Core commands register in
 * commands/index.ts; other modules (the runtime's /newbot, /bots, …) call `registry.add(...)`
 * and `registry.addConversation(...)` with their own definitions before adapters start.
 */
import type { Command } from './command.ts';
import type { Conversation } from './conversation.ts';

const NAME = /^[a-z][a-z0-9_]{0,31}$/;

export class CommandRegistry {
  private readonly commands = new Map<string, Command>();
  private readonly aliases = new Map<string, string>();
  private readonly conversations = new Map<string, Conversation>();

  add(...commands: Command[]): this {
    for (const cmd of commands) {
      for (const name of [cmd.name, ...(cmd.aliases ?? [])]) {
        if (!NAME.test(name)) throw new Error(`command name "${name}" must be lowercase letters, digits or _ (max 32)`);
        if (this.commands.has(name) || this.aliases.has(name)) throw new Error(`command /${name} is registered twice`);
      }
      this.commands.set(cmd.name, cmd);
      for (const alias of cmd.aliases ?? []) this.aliases.set(alias, cmd.name);
    }
    return this;
  }

  addConversation(...flows: Conversation[]): this {
    for (const flow of flows) {
      if (this.conversations.has(flow.kind)) throw new Error(`conversation ${flow.kind} is registered twice`);
      this.conversations.set(flow.kind, flow);
    }
    return this;
  }

  find(name: string): Command | undefined {
    const key = name.toLowerCase();
    return this.commands.get(key) ?? this.commands.get(this.aliases.get(key) ?? '');
  }

  conversation(kind: string): Conversation | undefined {
    return this.conversations.get(kind);
  }

  /** Listed commands, in registration order. */
  list(options: { includeHidden?: boolean } = {}): Command[] {
    return [...this.commands.values()].filter((c) => options.includeHidden || !c.hidden);
  }

  has(name: string): boolean {
    return Boolean(this.find(name));
  }
}
