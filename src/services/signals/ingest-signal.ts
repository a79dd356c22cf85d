/**
 * POST /webhooks/signals/:providerId lands here. Authenticate against the provider, read the
 * body, and store one `signals` row per distinct request: accepted (processed=false, for the
 * signal bots) or rejected (with the reason). The answer is sent only after the row commits.
 * A repeated request (same idempotency key) returns the first row and stores nothing.
 *
 * Hot path: the provider comes from a 5-second cache and a plain provider's row goes through
 * the group-commit batcher (signal-batcher.ts); a community provider's signal also queues the
 * channel post in the same transaction. No audit row: the signals row is the record of what
 * arrived.
 */
import { createId } from '../../shared/ids.ts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ServiceError, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { queueChannelSignal } from '../channels/queue-channel-signal.ts';
import { authenticateSignalRequest } from './authenticate-signal-request.ts';
import { loadIngestProvider } from './provider-cache.ts';
import { readSignalBody } from './read-signal-body.ts';
import { insertSignalBatched, insertSignalRows, type SignalRow } from './signal-batcher.ts';
import { signalIdempotencyKeys } from './signal-idempotency.ts';

export const MAX_SIGNAL_BODY_BYTES = 64 * 1024;

export type IngestResult =
  | { outcome: 'accepted'; signalId: string; kind: 'entry' | 'exit'; symbol: string; duplicate: false }
  | { outcome: 'rejected'; signalId: string; reason: string; duplicate: false }
  | { outcome: 'duplicate'; signalId: string; status: string; reason: string | null; duplicate: true };

const text = z.string().max(512).nullable().default(null);

export const ingestSignal = defineVerb({
  name: 'signal.ingest',
  input: z.object({
    providerId: z.string().min(1).max(64),
    rawBody: z.string().max(MAX_SIGNAL_BODY_BYTES, 'the body is larger than 64 KB'),
    ip: text,
    timestamp: text,
    signature: text,
    urlToken: text,
    idempotencyKey: text,
  }),
  transactional: false,
  run: async ({ ctx, input }): Promise<IngestResult> => {
    const env = ctx.env;
    const provider = await loadIngestProvider(env, input.providerId);
    if (!provider || !provider.isActive) throw notFound('This signal provider');
    const read = readSignalBody(input.rawBody, provider.config);
    const now = env.clock.now();
    const failure = provider.secret
      ? authenticateSignalRequest(provider.config, provider.secret, { ...input, bodyToken: read.bodyToken }, input.rawBody, now.getTime())
      : 'the provider has no secret yet';
    if (failure) {
      env.logger.warn({ providerId: provider.id, ip: input.ip, reason: failure, requestId: ctx.requestId }, 'signal webhook refused');
      throw new ServiceError('UNAUTHORIZED', 'The request could not be authenticated for this provider.');
    }
    const keys = signalIdempotencyKeys({ header: input.idempotencyKey, tvKey: read.tvKey, rawBody: input.rawBody, nowMs: now.getTime() });
    // Never keep the provider's secret in the stored body.
    const storedBody = provider.secret && provider.secret.length >= 8 ? input.rawBody.replaceAll(provider.secret, '[secret]') : input.rawBody;
    const row: SignalRow = {
      id: createId(),
      providerId: provider.id,
      now,
      storedBody,
      format: read.format,
      key: keys.key,
      previousKey: keys.previousKey,
      signal: read.ok ? read.signal : null,
      rejectReason: read.ok ? null : read.reason,
      rejectedSymbol: read.ok ? null : read.symbol,
    };
    const channel = provider.tenantId && read.ok && read.signal.kind === 'entry' ? provider.tenantId : null;
    const inserted = channel
      ? await env.db.transaction(async (tx) => {
          const ok = (await insertSignalRows(tx, [row])).has(row.id);
          if (ok && read.ok) await queueChannelSignal(tx, env, { tenantId: channel, signalId: row.id, signal: read.signal, now });
          return ok;
        })
      : await insertSignalBatched(env.db, row);
    if (!inserted) {
      const existing = await env.db.execute<{ id: string; status: string; reject_reason: string | null }>(
        sql`select id, status, reject_reason from signals where provider_id = ${provider.id} and idempotency_key in (${keys.key}, ${keys.previousKey ?? keys.key}) limit 1`,
      );
      const first = existing.rows[0];
      return { outcome: 'duplicate', signalId: first?.id ?? '', status: first?.status ?? 'accepted', reason: first?.reject_reason ?? null, duplicate: true };
    }
    if (channel) void env.queue?.send('community.channel-send', {}, { singletonKey: 'channel-send', singletonSeconds: 1 }).catch(() => {});
    return read.ok
      ? { outcome: 'accepted', signalId: row.id, kind: read.signal.kind, symbol: read.signal.symbol, duplicate: false }
      : { outcome: 'rejected', signalId: row.id, reason: read.reason, duplicate: false };
  },
});
