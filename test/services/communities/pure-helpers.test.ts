/** The small pure pieces of the area, against references: UUIDv5, IP allow-lists, time zones, journey walks, ids. */
import { describe, expect, it } from 'vitest';
import { deterministicUuid } from '../../../src/services/broadcasts/deterministic-uuid.ts';
import { walkJourney } from '../../../src/services/journeys/journey-steps.ts';
import { createId as fastId } from '../../../src/shared/ids.ts';
import { ipAllowed } from '../../../src/services/signals/provider-config.ts';
import { signalIdempotencyKeys } from '../../../src/services/signals/signal-idempotency.ts';
import { pipSizeFor } from '../../../src/services/tenants/tenant-settings.ts';
import { localTime, zonedTime } from '../../../src/services/tenants/tenant-time.ts';

describe('pure helpers', () => {
  it('makes RFC 9562 version-5 UUIDs (the RFC’s DNS example)', () => {
    expect(deterministicUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(deterministicUuid('b1:u1')).toBe(deterministicUuid('b1:u1'));
    expect(deterministicUuid('b1:u1')).not.toBe(deterministicUuid('b1:u2'));
  });

  it('checks IP allow-lists with exact addresses, IPv4-mapped IPv6 and CIDR blocks', () => {
    expect(ipAllowed('1.2.3.4', [])).toBe(true);
    expect(ipAllowed('52.89.214.238', ['52.89.214.238'])).toBe(true);
    expect(ipAllowed('::ffff:52.89.214.238', ['52.89.214.238'])).toBe(true);
    expect(ipAllowed('10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(ipAllowed('11.1.2.3', ['10.0.0.0/8'])).toBe(false);
    expect(ipAllowed(null, ['10.0.0.0/8'])).toBe(false);
  });

  it('derives idempotency keys in order: header, TradingView order, body hash with the previous bucket', () => {
    expect(signalIdempotencyKeys({ header: 'abc', tvKey: 'tv:1:t', rawBody: 'x', nowMs: 0 })).toEqual({ key: 'hdr:abc', previousKey: null });
    expect(signalIdempotencyKeys({ header: null, tvKey: 'tv:1:t', rawBody: 'x', nowMs: 0 })).toEqual({ key: 'tv:1:t', previousKey: null });
    const k = signalIdempotencyKeys({ header: null, tvKey: null, rawBody: 'hello', nowMs: 10 * 300_000 + 5 });
    // sha256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
    expect(k).toEqual({ key: 'body:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c:10', previousKey: 'body:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c:9' });
  });

  it('converts between UTC and a tenant’s wall clock, across daylight saving', () => {
    expect(localTime(new Date('2026-03-02T05:00:00Z'), 'Asia/Jakarta')).toMatchObject({ date: '2026-03-02', hour: 12, weekday: 1, offsetMinutes: 420 });
    expect(zonedTime('2026-03-02', '13:30', 'Asia/Jakarta').toISOString()).toBe('2026-03-02T06:30:00.000Z');
    // Berlin: CET (UTC+1) before 29 March 2026, CEST (UTC+2) after
    expect(zonedTime('2026-03-28', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(zonedTime('2026-03-30', '08:00', 'Europe/Berlin').toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });

  it('walks journeys to the next reply, delay or end', () => {
    const steps = [
      { type: 'message' as const, text: 'a' },
      { type: 'delay' as const, seconds: 60 },
      { type: 'question' as const, text: 'q?', key: 'k' },
      { type: 'message' as const, text: 'b' },
      { type: 'delay' as const, seconds: 5 },
    ];
    expect(walkJourney(steps, 0)).toEqual({ messages: ['a'], end: { status: 'waiting_delay', at: 1, resumeAt: 2, delayMs: 60_000 } });
    expect(walkJourney(steps, 2)).toEqual({ messages: ['q?'], end: { status: 'awaiting_reply', at: 2 } });
    expect(walkJourney(steps, 3)).toEqual({ messages: ['b'], end: { status: 'completed' } }); // a trailing delay has nothing to wait for
  });

  it('makes CUID2-shaped ids and pip sizes by symbol', () => {
    expect(new Set(Array.from({ length: 10_000 }, fastId)).size).toBe(10_000);
    expect(fastId()).toMatch(/^[a-z][0-9a-z]{23}$/);
    expect([pipSizeFor('XAU/USD', ''), pipSizeFor('USD/JPY', ''), pipSizeFor('EUR/USD', ''), pipSizeFor('BTC/USDT', ''), pipSizeFor('EUR/USD', '0.00001')]).toEqual(['0.1', '0.01', '0.0001', '0.01', '0.00001']);
  });
});
