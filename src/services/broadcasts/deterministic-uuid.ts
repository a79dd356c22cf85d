/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name). A job id made from
 * (broadcast, recipient) is the same every time the fan-out runs, so pg-boss stores one job
 * per recipient however often the fan-out is repeated.
 */
import { createHash } from 'node:crypto';

const TRADEWIRE_NAMESPACE = '6f1d3c8a-9b2e-4f70-a1c2-d3e4f5a6b7c8';

export function deterministicUuid(name: string, namespace = TRADEWIRE_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replaceAll('-', ''), 'hex')).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
