/** Reply → Discord message payload: an embed (Markdown), button rows, an attached PNG. */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import { MARK, type Button, type Reply } from '../core/reply.ts';

export const ANSWER_BUTTON_ID = '__answer';
const DUP = '\u001f'; // suffix that keeps custom_ids unique; control characters never come from people
const MAX_ROWS = 5;

/** Escape Discord Markdown in text, then turn our markers into **bold**, _italic_ and `code`. */
export function toDiscordMarkdown(text: string): string {
  let out = '';
  let inCode = false;
  let lineStart = true;
  for (const ch of text) {
    if (ch === MARK.b[0] || ch === MARK.b[1]) out += '**';
    else if (ch === MARK.i[0] || ch === MARK.i[1]) out += '_';
    else if (ch === MARK.c[0] || ch === MARK.c[1]) {
      inCode = ch === MARK.c[0];
      out += '`';
    } else if (inCode) out += ch === '`' ? 'ˋ' : ch;
    else if (/[\\*_~`|]/.test(ch) || (lineStart && /[#>-]/.test(ch))) out += `\\${ch}`;
    else out += ch;
    lineStart = ch === '\n';
  }
  return out;
}

export function stripDupSuffix(customId: string): string {
  const at = customId.indexOf(DUP);
  return at === -1 ? customId : customId.slice(0, at);
}

export interface DiscordMessage {
  body: { embeds: unknown[]; components: unknown[]; flags?: number; allowed_mentions: { parse: never[] }; attachments?: unknown[] };
  files?: { name: string; data: Buffer; contentType: string }[];
}

export function toDiscordMessage(r: Reply, options: { ephemeral?: boolean } = {}): DiscordMessage {
  const embed = new EmbedBuilder().setColor(0x2f81f7);
  const description = toDiscordMarkdown(r.text);
  if (description.trim()) embed.setDescription(description.length > 4096 ? `${description.slice(0, 4093)}…` : description);
  if (r.title) embed.setTitle(r.title.slice(0, 256));
  const files: DiscordMessage['files'] = [];
  if (r.image) {
    const name = r.image.filename ?? 'chart.png';
    embed.setImage(`attachment://${name}`);
    files.push({ name, data: Buffer.from(r.image.png), contentType: 'image/png' });
  }
  const rows = buttonRows(r.buttons ?? [], Boolean(r.expectsText));
  return {
    body: {
      embeds: [embed.toJSON()],
      components: rows,
      flags: options.ephemeral ? 64 : undefined,
      allowed_mentions: { parse: [] },
      attachments: files.length ? files.map((f, id) => ({ id, filename: f.name })) : undefined,
    },
    files: files.length ? files : undefined,
  };
}

function buttonRows(rows: Button[][], expectsText: boolean): unknown[] {
  const seen = new Map<string, number>();
  const built = rows.flatMap((row) => chunk(row, 5)).map((row) =>
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      row.map((b) => {
        const n = seen.get(b.send) ?? 0;
        seen.set(b.send, n + 1);
        return new ButtonBuilder().setCustomId(n ? `${b.send.slice(0, 95)}${DUP}${n}` : b.send.slice(0, 100)).setLabel(b.label.slice(0, 80)).setStyle(ButtonStyle.Secondary);
      }),
    ),
  );
  if (expectsText) built.push(new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(ANSWER_BUTTON_ID).setLabel('Answer').setStyle(ButtonStyle.Primary)));
  return built.slice(-MAX_ROWS).map((row) => row.toJSON());
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
