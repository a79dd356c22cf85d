/**
 * The idempotency key of a webhook request, first that applies:
 * 1. the Idempotency-Key header ('hdr:<value>');
 * 2. a TradingView strategy alert's order id and fire time ('tv:<strategy.order.id>:<timenow>');
 * 3. a hash of the body ('body:<sha256>:<5-minute bucket>'): the same body again within the
 *    window is a retry. The previous bucket's key is checked too, so a retry that straddles a
 *    bucket boundary is still caught (the window is 5 to 10 minutes).
 * The key is unique per provider (signals_provider_idempotency_key_unique).
 */
import { createHash } from 'node:crypto';

export const BODY_WINDOW_MS = 5 * 60_000;

export interface IdempotencyKeys {
  key: string;
  /** Also counts as a duplicate (previous body-hash bucket); null for the other kinds. */
  previousKey: string | null;
}

export function signalIdempotencyKeys(input: { header: string | null; tvKey: string | null; rawBody: string; nowMs: number }): IdempotencyKeys {
  if (input.header) return { key: `hdr:${input.header.slice(0, 200)}`, previousKey: null };
  if (input.tvKey) return { key: input.tvKey.slice(0, 240), previousKey: null };
  const hash = createHash('sha256').update(input.rawBody).digest('hex').slice(0, 40);
  const bucket = Math.floor(input.nowMs / BODY_WINDOW_MS);
  return { key: `body:${hash}:${bucket}`, previousKey: `body:${hash}:${bucket - 1}` };
}
