/** Reply → Telegram HTML messages and inline keyboards. */
import type { InlineKeyboardMarkup } from 'grammy/types';
import { MARK, splitText, type Button, type Reply } from '../core/reply.ts';

export const TEXT_LIMIT = 4000; // Telegram allows 4096 characters; room for tags closed across a split
export const CAPTION_LIMIT = 1000;

const TAGS: Record<string, { tag: string; open: boolean }> = {
  [MARK.b[0]]: { tag: 'b', open: true }, [MARK.b[1]]: { tag: 'b', open: false },
  [MARK.i[0]]: { tag: 'i', open: true }, [MARK.i[1]]: { tag: 'i', open: false },
  [MARK.c[0]]: { tag: 'code', open: true }, [MARK.c[1]]: { tag: 'code', open: false },
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Escape everything, then turn markers into tags; tags left open (a split, a stray marker) are closed. */
export function toTelegramHtml(text: string): string {
  const stack: string[] = [];
  let out = '';
  for (const ch of text) {
    const t = TAGS[ch];
    if (!t) {
      out += escapeHtml(ch);
      continue;
    }
    if (t.open && !stack.includes(t.tag)) {
      stack.push(t.tag);
      out += `<${t.tag}>`;
    } else if (!t.open && stack[stack.length - 1] === t.tag) {
      stack.pop();
      out += `</${t.tag}>`;
    }
  }
  while (stack.length) out += `</${stack.pop()}>`;
  return out;
}

export function replyText(r: Reply): string {
  return r.title ? `${MARK.b[0]}${r.title}${MARK.b[1]}\n${r.text}` : r.text;
}

export function htmlParts(r: Reply, limit = TEXT_LIMIT): string[] {
  return splitText(replyText(r), limit).map(toTelegramHtml).filter((p) => p.trim().length > 0);
}

/** Buttons whose payload exceeds callback_data's 64 bytes are dropped (a programming error, logged by the caller). */
export function inlineKeyboard(rows: Button[][] | undefined): { markup?: InlineKeyboardMarkup; dropped: Button[] } {
  const dropped: Button[] = [];
  const keyboard = (rows ?? [])
    .map((row) => row.filter((b) => (Buffer.byteLength(b.send) <= 64 ? true : (dropped.push(b), false))).map((b) => ({ text: b.label.slice(0, 64), callback_data: b.send })))
    .filter((row) => row.length > 0);
  return { markup: keyboard.length ? { inline_keyboard: keyboard } : undefined, dropped };
}
