/**
 * A local fake of the Telegram Bot API (https://core.telegram.org/bots/api), enough for our
 * senders: it records every call and answers like Telegram does, including "message is not
 * modified", 403 for users who blocked the bot, and 429 with retry_after beyond a rate.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  token: string;
  method: string;
  payload: Record<string, any>;
  at: number;
  /** HTTP status we answered with (200, or the error code). */
  status: number;
}

export type FakeReply = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

export interface FakeTelegram {
  apiRoot: string;
  calls: FakeCall[];
  /** Return a reply to override the default answer for a call. */
  intercept: ((call: FakeCall) => FakeReply | undefined) | null;
  blockedChats: Set<number>;
  calledWith(method: string): FakeCall[];
  close(): Promise<void>;
}

export async function startFakeTelegram(options: { perSecondPerToken?: number } = {}): Promise<FakeTelegram> {
  let messageId = 1000;
  const texts = new Map<string, string>();
  const windows = new Map<string, number[]>();
  const fake: FakeTelegram = {
    apiRoot: '',
    calls: [],
    intercept: null,
    blockedChats: new Set(),
    calledWith: (method) => fake.calls.filter((c) => c.method === method),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const answer = (call: FakeCall): FakeReply => {
    const custom = fake.intercept?.(call);
    if (custom) return custom;
    const p = call.payload;
    if (options.perSecondPerToken) {
      const now = call.at;
      const recent = (windows.get(call.token) ?? []).filter((t) => t > now - 1000);
      if (recent.length >= options.perSecondPerToken) return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
      recent.push(now);
      windows.set(call.token, recent);
    }
    const chatId = Number(p.chat_id);
    switch (call.method) {
      case 'getMe':
        return { ok: true, result: { id: Number(call.token.split(':')[0]), is_bot: true, first_name: 'Bot', username: `bot${call.token.split(':')[0]}` } };
      case 'sendMessage': {
        if (fake.blockedChats.has(chatId)) return { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' };
        messageId += 1;
        texts.set(`${p.chat_id}:${messageId}`, p.text);
        return { ok: true, result: { message_id: messageId, date: Math.floor(call.at / 1000), chat: { id: chatId, type: chatId < 0 ? 'channel' : 'private' }, text: p.text } };
      }
      case 'editMessageText': {
        const key = `${p.chat_id}:${p.message_id}`;
        if (texts.get(key) === p.text) return { ok: false, error_code: 400, description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same' };
        texts.set(key, p.text);
        return { ok: true, result: { message_id: p.message_id, date: Math.floor(call.at / 1000), chat: { id: chatId, type: 'channel' }, text: p.text } };
      }
      case 'createChatInviteLink':
        return { ok: true, result: { invite_link: `https://t.me/+fake${call.at.toString(36)}${fake.calls.length}`, creator: { id: 1, is_bot: true, first_name: 'Bot' }, creates_join_request: !!p.creates_join_request, is_primary: false, is_revoked: false, member_limit: p.member_limit, expire_date: p.expire_date } };
      case 'revokeChatInviteLink':
        return { ok: true, result: { invite_link: p.invite_link, creator: { id: 1, is_bot: true, first_name: 'Bot' }, creates_join_request: false, is_primary: false, is_revoked: true } };
      default:
        return { ok: true, result: true }; // setWebhook, banChatMember, unbanChatMember, approveChatJoinRequest, answerCallbackQuery, …
    }
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
      const text = Buffer.concat(chunks).toString('utf8');
      const payload = text ? (JSON.parse(text) as Record<string, any>) : {};
      const call: FakeCall = { token: match?.[1] ?? '', method: match?.[2] ?? '', payload, at: Date.now(), status: 0 };
      const reply = answer(call);
      call.status = reply.ok ? 200 : reply.error_code;
      fake.calls.push(call);
      res.writeHead(reply.ok ? 200 : reply.error_code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
