/** A local stand-in for the Telegram Bot API: records calls, answers like Telegram, fails on demand. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BotApiCall {
  method: string;
  body: Record<string, any>;
  at: number;
}

export class FakeBotApi {
  readonly calls: BotApiCall[] = [];
  readonly blockedChats = new Set<string>();
  private readonly failures = new Map<string, { error_code: number; description: string; parameters?: Record<string, unknown> }[]>();
  private server!: Server;
  private nextMessageId = 100;
  /** Updates handed out by getUpdates (long polling). */
  readonly pendingUpdates: { update_id: number }[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      const method = (req.url ?? '').split('/').pop() ?? '';
      const body = await parseBody(raw, req.headers['content-type'] ?? '');
      this.calls.push({ method, body, at: Date.now() });
      if (method === 'getUpdates') {
        // Long polling: answer with what is queued, or after a short wait with nothing.
        const offset = Number(body.offset ?? 0);
        if (!this.pendingUpdates.some((u) => u.update_id >= offset)) await new Promise((r) => setTimeout(r, 100));
        const updates = this.pendingUpdates.filter((u) => u.update_id >= offset);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, result: updates }));
        return;
      }
      const answer = this.answer(method, body);
      res.writeHead(answer.ok ? 200 : answer.error_code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next call of `method` fails with a 429 asking to wait `retryAfter` seconds. */
  tooManyRequests(method: string, retryAfter = 1): void {
    this.failNext(method, { error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
  }

  failNext(method: string, error: { error_code: number; description: string; parameters?: Record<string, unknown> }): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  sent(method = 'sendMessage'): BotApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Text of every message and edit since `from`. */
  texts(from = 0): string[] {
    return this.calls.slice(from).filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').map((c) => String(c.body.text));
  }

  reset(): number {
    return this.calls.length;
  }

  private answer(method: string, body: Record<string, any>): any {
    const queued = this.failures.get(method);
    if (queued?.length) return { ok: false, ...queued.shift()! };
    const chatId = String(body.chat_id ?? '');
    if (this.blockedChats.has(chatId) && method.startsWith('send')) return { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' };
    const chat = { id: Number(chatId), type: 'private' };
    switch (method) {
      case 'sendMessage':
        return { ok: true, result: { message_id: this.nextMessageId++, date: 1_700_000_000, chat, text: body.text } };
      case 'sendPhoto':
        return { ok: true, result: { message_id: this.nextMessageId++, date: 1_700_000_000, chat, photo: [{ file_id: 'f', file_unique_id: 'u', width: 1, height: 1 }] } };
      case 'getMe':
        return { ok: true, result: TEST_BOT_INFO };
      case 'editMessageText':
        return { ok: true, result: { message_id: Number(body.message_id), date: 1_700_000_000, chat, text: body.text } };
      default:
        return { ok: true, result: true };
    }
  }
}

async function parseBody(raw: Buffer, contentType: string): Promise<Record<string, any>> {
  if (contentType.includes('application/json')) return JSON.parse(raw.toString('utf8') || '{}');
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) return {};
  // A small multipart reader: grammY streams its own multipart bodies, which undici's FormData parser rejects.
  const out: Record<string, any> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at !== -1) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(at + delimiter.length, next);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const head = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4, part.length - 2); // drop the CRLF before the next delimiter
      const name = /name="([^"]+)"/.exec(head)?.[1];
      const filename = /filename="?([^";\r\n]*)"?/.exec(head)?.[1];
      if (name) {
        if (filename !== undefined) out[name] = { filename, bytes: Buffer.from(content) };
        else {
          const text = content.toString('utf8');
          out[name] = text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text;
        }
      }
    }
    at = next;
  }
  return out;
}

export const TEST_BOT_INFO = {
  id: 424242,
  is_bot: true as const,
  first_name: 'Tradewire',
  username: 'tradewire_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

let updateId = 5000;

/** A private-chat text message update, shaped like telegram_official_webhook_examples.json. */
export function textUpdate(userId: number, text: string, extra: { updateId?: number; firstName?: string } = {}) {
  return {
    update_id: extra.updateId ?? updateId++,
    message: {
      message_id: updateId,
      date: 1_700_000_000,
      chat: { id: userId, type: 'private', first_name: extra.firstName ?? 'Test' },
      from: { id: userId, is_bot: false, first_name: extra.firstName ?? 'Test', language_code: 'en' },
      text,
      ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] } : {}),
    },
  };
}

export function buttonUpdate(userId: number, data: string, messageId: number) {
  return {
    update_id: updateId++,
    callback_query: {
      id: String(updateId),
      chat_instance: '1',
      from: { id: userId, is_bot: false, first_name: 'Test' },
      message: { message_id: messageId, date: 1_700_000_000, chat: { id: userId, type: 'private' }, text: 'menu' },
      data,
    },
  };
}
