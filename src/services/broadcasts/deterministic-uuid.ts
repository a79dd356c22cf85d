/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name). A job id made from
 * (broadcast, recipient) is the same every time the fan-out runs, so pg-boss stores one job
 * per recipient however often the fan-out is repeated.
 */
import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('6f1d3c8a9b2e4f70a1c2d3e4f5a6b7c8', 'hex'); // Tradewire's own namespace

export function deterministicUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
