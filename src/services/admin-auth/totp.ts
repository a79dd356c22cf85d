/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with the otpauth library, and one-time backup codes.
 * Secrets and backup codes are stored encrypted with env.keyring.
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Tradewire';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/** Accepts the current step and one step either side (clock drift). */
export function verifyTotp(secretBase32: string, code: string, now: Date): boolean {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  return totpFor(secretBase32, ISSUER).validate({ token, timestamp: now.getTime(), window: 1 }) !== null;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** Ten codes like `3f9c-07ab`; each works once. */
export function newBackupCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const hex = randomBytes(4).toString('hex');
    return `${hex.slice(0, 4)}-${hex.slice(4)}`;
  });
}

export function normalizeBackupCode(code: string): string {
  return code.trim().toLowerCase().replace(/[^0-9a-f]/g, '').replace(/^(.{4})(.{4})$/, '$1-$2');
}
