/** Sending and editing Replies through the Bot API (used by conversations and by notifications). */
import { GrammyError, InputFile, type Api } from 'grammy';
import type { Logger } from '../../logger.ts';
import type { MessageRef, Reply } from '../core/reply.ts';
import { DeliveryError } from '../core/sender.ts';
import { CAPTION_LIMIT, htmlParts, inlineKeyboard } from './render-html.ts';

export async function sendTelegramReply(api: Api, chatId: string | number, r: Reply, logger?: Logger): Promise<MessageRef> {
  const { markup, dropped } = inlineKeyboard(r.buttons);
  if (dropped.length) logger?.warn({ buttons: dropped.map((b) => b.label) }, 'button payload longer than 64 bytes dropped');
  const common = { parse_mode: 'HTML' as const };
  if (r.image) {
    const caption = htmlParts(r, CAPTION_LIMIT);
    const photo = new InputFile(Buffer.from(r.image.png), r.image.filename ?? 'chart.png');
    const fits = caption.length <= 1;
    const sent = await api.sendPhoto(chatId, photo, { ...common, caption: fits ? caption[0] : undefined, reply_markup: fits ? markup : undefined });
    if (fits) return { id: `${chatId}:${sent.message_id}` };
  }
  const parts = htmlParts(r);
  let last = 0;
  for (let i = 0; i < parts.length; i++) {
    const sent = await api.sendMessage(chatId, parts[i], { ...common, link_preview_options: { is_disabled: true }, reply_markup: i === parts.length - 1 ? markup : undefined });
    last = sent.message_id;
  }
  return { id: `${chatId}:${last}` };
}

export async function editTelegramReply(api: Api, ref: MessageRef, r: Reply, logger?: Logger): Promise<void> {
  const [chatId, messageId] = ref.id.split(':');
  const parts = htmlParts(r);
  if (r.image || parts.length !== 1) {
    await sendTelegramReply(api, chatId, r, logger);
    return;
  }
  const { markup } = inlineKeyboard(r.buttons);
  try {
    await api.editMessageText(chatId, Number(messageId), parts[0], { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: markup });
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
    // A photo message has no text to edit, and old messages cannot be edited: send a new one.
    if (error instanceof GrammyError && error.error_code === 400) {
      await sendTelegramReply(api, chatId, r, logger);
      return;
    }
    throw error;
  }
}

/** Telegram's ways of saying "you cannot write to this person any more". */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof GrammyError) {
    const blocked = error.error_code === 403 || /chat not found|user is deactivated|bot was blocked/i.test(error.description);
    return new DeliveryError(`telegram ${error.error_code}: ${error.description}`, blocked);
  }
  return new DeliveryError(error instanceof Error ? error.message : String(error), false);
}
