/**
 * POST /webhooks/signals/:providerId — TradingView alerts, Cornix-style text and our JSON.
 * 201 stored (accepted), 200 a repeat of a stored request, 422 not a signal (stored as
 * rejected, with the reason), 401 not authenticated, 404 no such active provider, 413 too big.
 * The answer goes out only after the row is committed (docs/signals.md).
 */
import { Hono } from 'hono';
import type { ServiceEnv } from '../services/core/context.ts';
import { ingestSignal, MAX_SIGNAL_BODY_BYTES } from '../services/signals/ingest-signal.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../services/signals/provider-config.ts';
import type { AppEnv } from './app.ts';
import { clientIp, serviceErrorResponse } from './http-helpers.ts';

export function signalWebhookRoutes(env: ServiceEnv): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/webhooks/signals/:providerId', async (c) => {
    if (Number(c.req.header('content-length') ?? 0) > MAX_SIGNAL_BODY_BYTES) return c.json({ error: 'The body is larger than 64 KB.' }, 413);
    const rawBody = await c.req.text();
    if (Buffer.byteLength(rawBody) > MAX_SIGNAL_BODY_BYTES) return c.json({ error: 'The body is larger than 64 KB.' }, 413);
    const providerId = c.req.param('providerId');
    const ip = clientIp(c, env.config);
    try {
      const result = await ingestSignal({
        ctx: { actor: { kind: 'webhook', source: 'signals', providerId, ip: ip ?? undefined }, requestId: c.get('requestId'), env },
        input: {
          providerId,
          rawBody,
          ip,
          timestamp: c.req.header(TIMESTAMP_HEADER) ?? null,
          signature: c.req.header(SIGNATURE_HEADER) ?? null,
          urlToken: c.req.query('token') ?? null,
          idempotencyKey: c.req.header(IDEMPOTENCY_HEADER) ?? null,
        },
      });
      if (result.outcome === 'accepted') return c.json({ id: result.signalId, status: 'accepted', kind: result.kind, symbol: result.symbol }, 201);
      if (result.outcome === 'rejected') return c.json({ id: result.signalId, status: 'rejected', error: result.reason }, 422);
      return c.json({ id: result.signalId, status: result.status, duplicate: true, ...(result.reason ? { error: result.reason } : {}) }, 200);
    } catch (error) {
      return serviceErrorResponse(c, error);
    }
  });
  return app;
}
