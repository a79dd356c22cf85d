/**
 * Deterministic identities for the runner. A tick is (bot, slot); its execution id, the pg-boss
 * job id and every client order id derive from it, so a retried or replayed tick is recognised
 * instead of repeated.
 */
import { createHash } from 'node:crypto';

/** The slot a moment falls in, for a tick interval. */
export function tickSlot(now: Date, intervalMs: number): number {
  return Math.floor(now.getTime() / intervalMs);
}

export function executionIdFor(botId: string, slot: number): string {
  return `${botId}:${slot}`;
}

/**
 * Client order id for an intent: 'tw' + 30 hex chars of SHA-256(executionId, tag). Fits every
 * venue's rule (okx clOrdId: [a-z0-9]{1,32}; binance ≤ 36; bybit orderLinkId ≤ 36).
 */
export function clientOrderIdFor(executionId: string, tag: string): string {
  return `tw${createHash('sha256').update(executionId).update('\0').update(tag).digest('hex').slice(0, 30)}`;
}

/** A UUID (v5-shaped) from a name, for deterministic pg-boss job ids. */
export function uuidFromName(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
