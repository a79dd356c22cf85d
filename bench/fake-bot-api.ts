/**
 * A fake Telegram Bot API for the broadcast benchmark that behaves like the real limit: per
 * token, at most 30 sendMessage calls in any 1-second window; beyond that 429 with
 * retry_after 1 (the message is not delivered). Counts what each chat received.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeBotApi {
  apiRoot: string;
  delivered: Map<number, number>;
  deliveredTimes: number[];
  rejected429: number;
  close(): Promise<void>;
}

export async function startFakeBotApi(perSecond = 30): Promise<FakeBotApi> {
  const windows = new Map<string, number[]>();
  let messageId = 0;
  const fake: FakeBotApi = { apiRoot: '', delivered: new Map(), deliveredTimes: [], rejected429: 0, close: () => new Promise((r) => server.close(() => r())) };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [, token, method] = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '') ?? [];
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { chat_id?: number };
      const now = performance.now();
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (method !== 'sendMessage') return send(200, { ok: true, result: true });
      const recent = (windows.get(token) ?? []).filter((t) => t > now - 1000);
      if (recent.length >= perSecond) {
        fake.rejected429 += 1;
        windows.set(token, recent);
        return send(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      }
      recent.push(now);
      windows.set(token, recent);
      const chat = Number(payload.chat_id);
      fake.delivered.set(chat, (fake.delivered.get(chat) ?? 0) + 1);
      fake.deliveredTimes.push(now);
      messageId += 1;
      send(200, { ok: true, result: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, text: 'x' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
