/**
 * Per-chat token bucket: a burst of `capacity` messages, then one every `refillMs`. In memory per
 * process: with several web instances each enforces its own share, which is enough to keep one
 * chat from flooding the service (the platforms' own limits sit behind it).
 */
import type { Clock } from '../../shared/clock.ts';

export interface RateLimitOptions { capacity: number; refillMs: number; maxChats?: number }

export class ChatRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; warned: boolean }>();
  constructor(private readonly clock: Clock, private readonly options: RateLimitOptions = { capacity: 12, refillMs: 1000 }) {}

  /** 'ok', 'limited' (say so once), or 'silent' (already told). */
  take(key: string): 'ok' | 'limited' | 'silent' {
    const now = this.clock.now().getTime();
    const { capacity, refillMs } = this.options;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= (this.options.maxChats ?? 50_000)) this.buckets.delete(this.buckets.keys().next().value!);
      b = { tokens: capacity, at: now, warned: false };
      this.buckets.set(key, b);
    }
    const refill = Math.floor((now - b.at) / refillMs);
    if (refill > 0) {
      b.tokens = Math.min(capacity, b.tokens + refill);
      b.at += refill * refillMs;
    }
    if (b.tokens > 0) {
      b.tokens -= 1;
      b.warned = false;
      return 'ok';
    }
    if (b.warned) return 'silent';
    b.warned = true;
    return 'limited';
  }
}
