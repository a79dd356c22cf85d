/**
 * Secrets at rest: AES-256-GCM under a versioned master key. A ciphertext names the key version
 * that made it ("v1:<iv>:<tag>:<data>", base64url), so keys can rotate: new writes use the
 * current key, old rows still decrypt with MASTER_KEY_PREVIOUS until re-encrypted.
 *
 * With no MASTER_KEY, a key is generated once into DATA_DIR/master.key (mode 0600) — the
 * zero-configuration default. Production deployments with several processes set MASTER_KEY.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';

export interface Keyring {
  currentVersion: number;
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** True when the value was written under an older key and should be re-encrypted. */
  isStale(ciphertext: string): boolean;
}

export function createKeyring(keys: Map<number, Buffer>, currentVersion: number): Keyring {
  const current = keys.get(currentVersion);
  if (!current || current.length !== 32) throw new Error(`master key v${currentVersion} must be 32 bytes`);
  return {
    currentVersion,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v${currentVersion}:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${data.toString('base64url')}`;
    },
    decrypt(ciphertext) {
      const [v, iv, tag, data] = ciphertext.split(':');
      const version = Number(v?.slice(1));
      const key = keys.get(version);
      if (!v?.startsWith('v') || !key || !iv || !tag || data === undefined) {
        throw new Error(key ? 'malformed ciphertext' : `no master key v${version} to decrypt this value`);
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
    isStale(ciphertext) {
      return !ciphertext.startsWith(`v${currentVersion}:`);
    },
  };
}

export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('a master key must be 32 bytes (64 hex characters or base64)');
  return key;
}

/** MASTER_KEY (version = highest previous + 1, or 1), else a generated key file in DATA_DIR. */
export function loadKeyring(config: Config, logger: Logger): Keyring {
  const keys = new Map<number, Buffer>();
  for (const pair of (config.MASTER_KEY_PREVIOUS ?? '').split(',').filter(Boolean)) {
    const [version, key] = pair.split(':');
    keys.set(Number(version.replace(/^v/, '')), parseKey(key));
  }
  const nextVersion = Math.max(0, ...keys.keys()) + 1;
  if (config.MASTER_KEY) {
    keys.set(nextVersion, parseKey(config.MASTER_KEY));
    return createKeyring(keys, nextVersion);
  }
  const file = path.resolve(config.DATA_DIR, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    logger.info({ file }, 'generated a master key for encrypting secrets (set MASTER_KEY in production)');
  }
  chmodSync(file, 0o600);
  if (config.NODE_ENV === 'production') logger.warn('MASTER_KEY is not set: using the generated key file; every process must share it');
  keys.set(nextVersion, parseKey(readFileSync(file, 'utf8')));
  return createKeyring(keys, nextVersion);
}
