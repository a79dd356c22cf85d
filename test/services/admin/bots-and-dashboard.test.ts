import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import type { Actor } from '../../../src/services/core/context.ts';
import { adminPauseBot } from '../../../src/services/admin-bots/admin-pause-bot.ts';
import { adminStopBot } from '../../../src/services/admin-bots/admin-stop-bot.ts';
import { listBots } from '../../../src/services/admin-bots/list-bots.ts';
import { getDashboard } from '../../../src/services/admin-dashboard/get-dashboard.ts';
import { Decimal } from '../../../src/shared/money.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { createPlainUser, createStaff } from '../../admin/helpers.ts';

// Clock: 2026-03-02T09:00Z (useTestDatabase default).
const t = useTestDatabase();
const as = (userId: string): Actor => ({ kind: 'admin', userId, role: 'admin', via: 'session' });

describe('bots on a user’s behalf', () => {
  it('pauses a running bot and stops it, notifying the owner and auditing each', async () => {
    const admin = await createStaff(t);
    const owner = await createPlainUser(t);
    const [bot] = await t.database.db.insert(s.bots).values({ userId: owner.id, name: 'Grid BTC', type: 'grid', status: 'active', profit: new Decimal('12.5') }).returning();
    const ctx = t.ctx(as(admin.id));
    expect(await adminPauseBot({ ctx, input: { botId: bot.id, reason: 'exchange outage' } })).toEqual({ botId: bot.id, status: 'paused', closedPositions: 0 });
    await expect(adminPauseBot({ ctx, input: { botId: bot.id } })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await adminStopBot({ ctx, input: { botId: bot.id } });
    const [row] = await t.database.db.select().from(s.bots).where(eq(s.bots.id, bot.id));
    expect(row.status).toBe('inactive');
    expect(row.stoppedAt).toEqual(t.clock.now());
    const notes = await t.database.db.select().from(s.notifications).where(and(eq(s.notifications.userId, owner.id), eq(s.notifications.type, 'BOT_STOPPED')));
    expect(notes.map((n) => n.title).sort()).toEqual(['Bot paused by support', 'Bot stopped by support']);
    expect(notes.find((n) => n.title.includes('paused'))!.message).toContain('exchange outage');
    const audit = await t.database.db.select().from(s.auditLogs).where(eq(s.auditLogs.userId, admin.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['bot.admin_pause', 'bot.admin_stop']);
    const listed = await listBots({ ctx, input: { q: 'Grid BTC' } });
    expect(listed.rows[0]).toMatchObject({ id: bot.id, status: 'inactive', userEmail: owner.email });
    expect(listed.rows[0].profit.toFixed()).toBe('12.5');
  });
});

describe('dashboard', () => {
  it('counts today’s activity and sums volume (price × quantity) and P&L per UTC day', async () => {
    const admin = await createStaff(t);
    const before = await getDashboard({ ctx: t.ctx(as(admin.id)), input: { days: 3 } });
    const owner = await createPlainUser(t);
    await t.database.db.insert(s.bots).values({ userId: owner.id, name: 'Active one', status: 'active' });
    const trade = (at: string, price: string, qty: string, pnl: string | null) => ({
      userId: owner.id, symbol: 'BTCUSDT', side: 'SELL', price: new Decimal(price), quantity: new Decimal(qty), executedPrice: new Decimal(price), profitLoss: pnl === null ? null : new Decimal(pnl), executedAt: new Date(at),
    });
    await t.database.db.insert(s.trades).values([
      trade('2026-03-02T01:00:00Z', '50000', '0.1', '12.5'),
      trade('2026-03-02T08:59:00Z', '2000.5', '2', '-3.25'),
      trade('2026-03-01T23:59:59Z', '100', '3', null),
      trade('2026-02-27T12:00:00Z', '1', '1', '1'), // outside the 3-day window
    ]);
    const [provider] = await t.database.db.insert(s.signalProviders).values({ name: 'TV', type: 'webhook' }).returning();
    await t.database.db.insert(s.signals).values({ providerId: provider.id, symbol: 'BTCUSDT', action: 'BUY', createdAt: new Date('2026-03-02T02:00:00Z'), idempotencyKey: 'k1', rawBody: 'BTCUSDT buy' });
    await t.database.db.insert(s.supportTickets).values({ userId: owner.id, subject: 'help' });
    const d = await getDashboard({ ctx: t.ctx(as(admin.id)), input: { days: 3 } });
    expect(d.totalUsers - before.totalUsers).toBe(1);
    expect(d.activeBots - before.activeBots).toBe(1);
    expect(d.tradesToday - before.tradesToday).toBe(2);
    expect(d.signalsToday - before.signalsToday).toBe(1);
    expect(d.openTickets - before.openTickets).toBe(1);
    expect(d.failedJobs).toBeNull(); // no queue in this process
    expect(d.series.map((x) => x.day)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    const today = d.series[2];
    // 50000 × 0.1 + 2000.5 × 2 = 5000 + 4001 = 9001; P&L 12.5 − 3.25 = 9.25
    expect(today.volume.toFixed()).toBe('9001');
    expect(today.pnl.toFixed()).toBe('9.25');
    expect(today.trades).toBe(2);
    expect(d.series[1]).toMatchObject({ trades: 1 });
    expect(d.series[1].volume.toFixed()).toBe('300');
    expect(d.series[0].trades).toBe(0);
  });
});
