/** A local stand-in for Discord's REST API, and a signer for HTTP interactions. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface RestCall { method: string; path: string; body: any; files: string[] }

export class FakeDiscordRest {
  readonly calls: RestCall[] = [];
  readonly closedDms = new Set<string>();
  private server!: Server;
  private nextId = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks);
      const path = decodeURIComponent((req.url ?? '').replace(/^\/v10/, '').split('?')[0]);
      const { body, files } = await parse(raw, req.headers['content-type'] ?? '');
      this.calls.push({ method: req.method ?? '', path, body, files });
      const [status, answer] = this.answer(req.method ?? '', path, body);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 204 ? undefined : JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Every embed description sent or edited since `from`. */
  texts(from = 0): string[] {
    return this.calls.slice(from).filter((c) => c.body?.embeds).map((c) => c.body.embeds.map((e: any) => e.description ?? '').join('\n'));
  }

  private answer(method: string, path: string, body: any): [number, unknown] {
    if (method === 'DELETE') return [204, null];
    if (path === '/users/@me/channels') return [200, { id: `dm-${body.recipient_id}`, type: 1 }];
    const dm = /^\/channels\/dm-(\d+)\/messages$/.exec(path);
    if (dm && this.closedDms.has(dm[1])) return [403, { code: 50007, message: 'Cannot send messages to this user' }];
    if (/\/commands$/.test(path)) return [200, body];
    return [200, { id: String(this.nextId++), channel_id: 'c', content: '', embeds: body?.embeds ?? [], components: body?.components ?? [] }];
  }
}

async function parse(raw: Buffer, contentType: string): Promise<{ body: any; files: string[] }> {
  if (contentType.includes('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: string[] = [];
    let body: any = {};
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') files.push(value.name);
    }
    return { body, files };
  }
  return { body: raw.length ? JSON.parse(raw.toString('utf8')) : null, files: [] };
}

export class InteractionSigner {
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;
  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    this.publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  }
  headers(body: string, timestamp: number): Record<string, string> {
    const signature = sign(null, Buffer.from(`${timestamp}${body}`), this.privateKey).toString('hex');
    return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': String(timestamp) };
  }
}

let seq = 900_000_000_000_000_000n;
export function slash(userId: string, name: string, options: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  return { id: String(seq++), application_id: '1', type: 2, token: `tok${seq}`, version: 1, channel_id: `dmchan-${userId}`, user: { id: userId, username: `u${userId}` }, data: { id: '5', name, type: 1, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })) }, ...extra };
}
export function press(userId: string, customId: string) {
  return { id: String(seq++), application_id: '1', type: 3, token: `tok${seq}`, version: 1, channel_id: `dmchan-${userId}`, user: { id: userId, username: `u${userId}` }, data: { custom_id: customId, component_type: 2 }, message: { id: 'm1' } };
}
export function submitModal(userId: string, customId: string, values: Record<string, string>) {
  return {
    id: String(seq++), application_id: '1', type: 5, token: `tok${seq}`, version: 1, channel_id: `dmchan-${userId}`, user: { id: userId, username: `u${userId}` },
    data: { custom_id: customId, components: Object.entries(values).map(([id, value]) => ({ type: 18, component: { type: 4, custom_id: id, value } })) },
  };
}
