/**
 * A local fake of the Stripe API for the calls VIP makes (checkout sessions, products, prices,
 * subscriptions), answering with objects shaped like Stripe's. Requests are recorded with the
 * headers that matter (Idempotency-Key, Stripe-Account) and their form-encoded bodies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeStripeRequest {
  method: string;
  path: string;
  body: URLSearchParams;
  idempotencyKey: string | null;
  account: string | null;
}

export interface FakeStripe {
  url: string;
  requests: FakeStripeRequest[];
  products: Record<string, unknown>[];
  prices: Record<string, unknown>[];
  subscriptions: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  let n = 0;
  const sessions = new Map<string, Record<string, unknown>>();
  const fake: FakeStripe = { url: '', requests: [], products: [], prices: [], subscriptions: new Map(), close: () => new Promise((r) => server.close(() => r())) };
  const list = (data: unknown[]) => ({ object: 'list', data, has_more: false, url: '/v1/list' });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const request = { method: req.method ?? 'GET', path: url.pathname, body, idempotencyKey: (req.headers['idempotency-key'] as string) ?? null, account: (req.headers['stripe-account'] as string) ?? null };
      fake.requests.push(request);
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${n}` });
        res.end(JSON.stringify(value));
      };
      if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        // Stripe answers a repeated idempotency key with the first response.
        const known = request.idempotencyKey ? sessions.get(request.idempotencyKey) : undefined;
        if (known) return send(200, known);
        n += 1;
        const metadata: Record<string, string> = {};
        for (const [k, v] of body) {
          const m = /^metadata\[(\w+)\]$/.exec(k);
          if (m) metadata[m[1]] = v;
        }
        const session = { id: `cs_test_fake${n}`, object: 'checkout.session', mode: body.get('mode'), url: `https://checkout.stripe.com/c/pay/cs_test_fake${n}`, metadata, client_reference_id: body.get('client_reference_id'), status: 'open' };
        if (request.idempotencyKey) sessions.set(request.idempotencyKey, session);
        return send(200, session);
      }
      if (request.method === 'GET' && url.pathname === '/v1/products') return send(200, list(fake.products));
      if (request.method === 'GET' && url.pathname === '/v1/prices') return send(200, list(fake.prices));
      const sub = /^\/v1\/subscriptions\/(\w+)$/.exec(url.pathname);
      if (request.method === 'GET' && sub) {
        const found = fake.subscriptions.get(sub[1]);
        return found ? send(200, found) : send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such subscription: '${sub[1]}'` } });
      }
      send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
