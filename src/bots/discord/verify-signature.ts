/**
 * Discord signs each HTTP interaction with Ed25519 over timestamp + raw body. node:crypto
 * verifies it with an SPKI key built from the application's 32-byte public key. A timestamp
 * older (or newer) than MAX_SKEW_SECONDS is refused too, so a captured request cannot be replayed later.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const MAX_SKEW_SECONDS = 300;

export function discordPublicKey(hex: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export function verifyDiscordRequest(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: string, now: Date): 'ok' | 'bad_signature' | 'stale' {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'bad_signature';
  const valid = verify(null, Buffer.from(timestamp + body, 'utf8'), key, Buffer.from(signature, 'hex'));
  if (!valid) return 'bad_signature';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale';
  return 'ok';
}
