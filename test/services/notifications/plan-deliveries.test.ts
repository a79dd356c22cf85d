import { describe, expect, it } from 'vitest';
import { dailyCutoff, hourCutoff, zonedInstant } from '../../../src/services/notifications/local-time.ts';
import { planUserDeliveries, type PendingNotification, type Recipient } from '../../../src/services/notifications/plan-deliveries.ts';

const app = { linked: true, blocked: false, enabled: true, botAlerts: true, trades: true, criticalOnly: false };
const off = { ...app, linked: false, enabled: false };
const recipient = (over: Partial<Recipient> = {}): Recipient => ({ userId: 'u', active: true, timezone: 'UTC', digest: 'realtime', quietHours: null, apps: { telegram: app, discord: off, console: off }, ...over });
const item = (id: string, over: Partial<PendingNotification> = {}): PendingNotification => ({ id, type: 'TRADE_EXECUTED', priority: 'NORMAL', channel: 'IN_APP', title: id, message: '', metadata: null, createdAt: new Date('2026-03-02T10:00:00Z'), attempts: 0, ...over });

describe('local time', () => {
  it('finds wall-clock instants across DST changes', () => {
    // Berlin switches to summer time on 2026-03-29 at 02:00 → 03:00.
    expect(zonedInstant('Europe/Berlin', 2026, 3, 28, 8).toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(zonedInstant('Europe/Berlin', 2026, 3, 29, 8).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(hourCutoff(new Date('2026-03-02T10:59:59Z'), 'Asia/Kolkata').toISOString()).toBe('2026-03-02T10:30:00.000Z'); // UTC+5:30
    expect(dailyCutoff(new Date('2026-03-02T06:00:00Z'), 'America/New_York', 8).toISOString()).toBe('2026-03-01T13:00:00.000Z');
  });
});

describe('planUserDeliveries', () => {
  const now = new Date('2026-03-02T23:30:00Z');

  it('holds non-critical items in quiet hours (wrapping midnight) and lets critical ones through', () => {
    const plan = planUserDeliveries(now, recipient({ quietHours: { start: 22, end: 7 } }), [item('n'), item('c', { priority: 'CRITICAL' })]);
    expect(plan.waiting).toEqual(['n']);
    expect(plan.batches.map((b) => b.items.map((i) => i.id))).toEqual([['c']]);
  });

  it('settles what no chat may receive, with the reason', () => {
    expect(planUserDeliveries(now, recipient({ apps: { telegram: off, discord: off, console: off } }), [item('a')]).settled).toEqual([{ id: 'a', reason: 'skipped: no linked chat' }]);
    expect(planUserDeliveries(now, recipient({ apps: { telegram: { ...app, blocked: true }, discord: off, console: off } }), [item('a')]).settled[0].reason).toBe('unreachable: the user blocked the bot');
    expect(planUserDeliveries(now, recipient({ apps: { telegram: { ...app, trades: false }, discord: off, console: off } }), [item('a'), item('b', { type: 'BOT_ERROR' })]).settled).toEqual([{ id: 'a', reason: 'skipped: muted by preferences' }]);
    expect(planUserDeliveries(now, recipient({ active: false }), [item('a')]).settled[0].reason).toBe('skipped: account not active');
    expect(planUserDeliveries(now, recipient(), [item('a', { channel: 'DISCORD' })]).settled[0].reason).toBe('skipped: no linked chat');
  });

  it('groups a digest per set of apps and leaves items of the current window waiting', () => {
    const r = recipient({ digest: 'hourly', apps: { telegram: app, discord: app, console: off } });
    const plan = planUserDeliveries(new Date('2026-03-02T11:05:00Z'), r, [item('old1'), item('old2', { createdAt: new Date('2026-03-02T10:59:00Z') }), item('new', { createdAt: new Date('2026-03-02T11:01:00Z') })]);
    expect(plan.batches).toHaveLength(1);
    expect(plan.batches[0]).toMatchObject({ apps: ['telegram', 'discord'], digest: 'hourly' });
    expect(plan.batches[0].items.map((i) => i.id)).toEqual(['old1', 'old2']);
    expect(plan.waiting).toEqual(['new']);
  });
});
