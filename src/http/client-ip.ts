/**
 * The client address: the socket's peer, or with TRUST_PROXY the last X-Forwarded-For entry
 * (the one our proxy added; earlier entries are the client's to forge).
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Config } from '../config.ts';

export function clientIp(c: Context, config: Config): string {
  if (config.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded?.length) return normalize(forwarded[forwarded.length - 1]);
  }
  try {
    return normalize(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown'; // no socket: app.request() in tests
  }
}

function normalize(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
