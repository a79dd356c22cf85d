/** Device fingerprints for new-device alerts: a SHA-256 of the user agent (seed 000). */
import { sha256Hex } from './secrets.ts';

export function deviceFingerprint(userAgent: string): string {
  return sha256Hex(userAgent || 'unknown');
}

/** "Chrome on Linux" from a user agent; good enough for a notification. */
export function deviceName(userAgent: string): string {
  const ua = userAgent || '';
  const browser =
    /Edg\//.test(ua) ? 'Edge' : /OPR\//.test(ua) ? 'Opera' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : /curl\//.test(ua) ? 'curl' : 'Unknown browser';
  const os =
    /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : 'unknown OS';
  return `${browser} on ${os}`;
}
