/**
 * The registry as Discord application commands: one string option per argument (modal fields
 * excepted: those are asked in a modal, never typed into the channel), plus /answer for
 * replying to the bot's current question (HTTP interactions never see plain messages).
 */
import { LabelBuilder, ModalBuilder, SlashCommandBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { Command } from '../core/command.ts';
import type { CommandRegistry } from '../core/registry.ts';

export const ANSWER_COMMAND = 'answer';
export const ANSWER_MODAL_ID = 'answer';

export function slashCommands(registry: CommandRegistry): unknown[] {
  const commands = registry.list().filter((c) => c.name !== ANSWER_COMMAND).slice(0, 99).map(slashCommand);
  commands.push(new SlashCommandBuilder().setName(ANSWER_COMMAND).setDescription('Answer the question I asked').addStringOption((o) => o.setName('text').setDescription('Your answer').setRequired(true).setMaxLength(4000)).toJSON());
  return commands;
}

function slashCommand(cmd: Command) {
  const builder = new SlashCommandBuilder().setName(cmd.name).setDescription(cmd.description.slice(0, 100));
  const hidden = new Set(cmd.modal?.fields.map((f) => f.arg) ?? []);
  const shape: Record<string, { safeParse(v: unknown): { success: boolean } }> = cmd.args?.shape ?? {};
  const names = [...(cmd.positional ?? []), ...(cmd.rest ? [cmd.rest] : [])].filter((n) => !hidden.has(n));
  const required = (n: string) => !(shape[n]?.safeParse(undefined).success ?? true);
  // Discord wants required options first.
  for (const name of [...names.filter(required), ...names.filter((n) => !required(n))]) {
    builder.addStringOption((o) => o.setName(name.toLowerCase()).setDescription((cmd.argHelp?.[name] ?? name).slice(0, 100)).setRequired(required(name)));
  }
  return builder.toJSON();
}

/** The modal asking for a command's secret arguments; custom_id carries the options already given. */
export function commandModal(cmd: Command, given: Record<string, string>): unknown {
  const query = new URLSearchParams(given).toString();
  const customId = `cmd:${cmd.name}${query ? `?${query}` : ''}`;
  const modal = new ModalBuilder().setCustomId(customId.length <= 100 ? customId : `cmd:${cmd.name}`).setTitle(cmd.modal!.title.slice(0, 45));
  for (const f of cmd.modal!.fields) {
    const input = new TextInputBuilder().setCustomId(f.arg).setStyle(f.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short).setRequired(f.required ?? true);
    if (f.maxLength) input.setMaxLength(f.maxLength);
    modal.addLabelComponents(new LabelBuilder().setLabel(f.label.slice(0, 45)).setTextInputComponent(input));
  }
  return modal.toJSON();
}

export function answerModal(): unknown {
  return new ModalBuilder()
    .setCustomId(ANSWER_MODAL_ID)
    .setTitle('Your answer')
    .addLabelComponents(new LabelBuilder().setLabel('Answer').setTextInputComponent(new TextInputBuilder().setCustomId('text').setStyle(TextInputStyle.Paragraph).setRequired(true).setMaxLength(4000)))
    .toJSON();
}

/** Text inputs from a submitted modal, in either layout (labels or legacy action rows). */
export function modalValues(components: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === 4 && typeof node.custom_id === 'string' && typeof node.value === 'string') out[node.custom_id] = node.value;
    walk(node.components);
    walk(node.component);
  };
  walk(components);
  return out;
}
