/**
 * Ids for the webhook hot path, in CUID2's shape (24 characters: a letter, then 23 of [0-9a-z])
 * so they sit with every other id. They are 124 bits from the CSPRNG rather than cuid2's
 * hashed counter and fingerprint: @paralleldrive/cuid2's createId costs about half a
 * millisecond of CPU, which at 1,000 signals per second is half a core.
 */
import { randomFillSync } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const pool = Buffer.alloc(16 * 256);
let offset = pool.length;

export function fastId(): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  const body = BigInt(`0x${bytes.subarray(1).toString('hex')}`).toString(36).padStart(23, '0').slice(-23);
  return `${LETTERS[bytes[0] % 26]}${body}`;
}
