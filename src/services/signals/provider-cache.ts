/**
 * The webhook hot path reads its provider (config and decrypted secret) from a short-lived
 * per-process cache: at 1,000 requests/s a lookup per request is most of the database work.
 * Five seconds is how long a change made by another process (rotated secret, deactivated
 * provider) can take to apply here; changes made in this process apply at once (forgetProvider).
 */
import { eq } from 'drizzle-orm';
import { signalProviders } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { readProviderConfig, type ProviderConfig } from './provider-config.ts';

export interface IngestProvider {
  id: string;
  tenantId: string | null;
  isActive: boolean;
  config: ProviderConfig;
  secret: string | null;
}

const TTL_MS = 5_000;
const caches = new WeakMap<object, Map<string, { value: IngestProvider | null; expires: number }>>();
const forgotten = new Set<string>();

export async function loadIngestProvider(env: ServiceEnv, id: string): Promise<IngestProvider | null> {
  let cache = caches.get(env.db);
  if (!cache) caches.set(env.db, (cache = new Map()));
  const hit = cache.get(id);
  if (hit && hit.expires > performance.now() && !forgotten.has(id)) return hit.value;
  forgotten.delete(id);
  const [row] = await env.db.select().from(signalProviders).where(eq(signalProviders.id, id));
  const value = row
    ? { id: row.id, tenantId: row.tenantId, isActive: row.isActive, config: readProviderConfig(row.config), secret: row.apiKey ? env.keyring.decrypt(row.apiKey) : null }
    : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(id, { value, expires: performance.now() + TTL_MS });
  return value;
}

/** Drop a provider from every cache of this process (after a change to it). */
export function forgetProvider(id: string): void {
  forgotten.add(id);
}
