import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../../src/db/schema/index.ts';
import type { Actor } from '../../../src/services/core/context.ts';
import { assertUserActive } from '../../../src/services/identity/assert-user-active.ts';
import { banUser } from '../../../src/services/admin-users/ban-user.ts';
import { suspendUser } from '../../../src/services/admin-users/suspend-user.ts';
import { grantComplimentarySubscription } from '../../../src/services/admin-users/grant-complimentary-subscription.ts';
import { replyAsStaff } from '../../../src/services/support-desk/reply-as-staff.ts';
import { closeTicket } from '../../../src/services/support-desk/close-ticket.ts';
import { assignTicket } from '../../../src/services/support-desk/assign-ticket.ts';
import { listTicketQueue } from '../../../src/services/support-desk/list-ticket-queue.ts';
import { Decimal } from '../../../src/shared/money.ts';
import { useTestDatabase } from '../../helpers/db.ts';
import { createPlainUser, createStaff } from '../../admin/helpers.ts';

const t = useTestDatabase();
const as = (userId: string, role: 'admin' | 'superadmin' = 'admin'): Actor => ({ kind: 'admin', userId, role, via: 'session' });

describe('moderation as chat adapters see it (assertUserActive)', () => {
  it('refuses a banned user with a clear sentence', async () => {
    const admin = await createStaff(t);
    const trader = await createPlainUser(t);
    expect(await assertUserActive({ ctx: t.ctx({ kind: 'system', job: 'test' }), input: { userId: trader.id } })).toEqual({ active: true });
    await banUser({ ctx: t.ctx(as(admin.id)), input: { userId: trader.id, reason: 'spam' } });
    const access = await assertUserActive({ ctx: t.ctx({ kind: 'system', job: 'test' }), input: { userId: trader.id } });
    expect(access).toMatchObject({ active: false, status: 'banned' });
    if (!access.active) expect(access.message).toMatch(/banned/);
  });

  it('refuses a suspended user until the date, then lets them in without anyone acting', async () => {
    const admin = await createStaff(t);
    const trader = await createPlainUser(t);
    const until = new Date(t.clock.now().getTime() + 3 * 86_400_000);
    await suspendUser({ ctx: t.ctx(as(admin.id)), input: { userId: trader.id, until, reason: 'chargeback' } });
    const ctx = t.ctx({ kind: 'system', job: 'test' });
    expect(await assertUserActive({ ctx, input: { userId: trader.id } })).toMatchObject({ active: false, status: 'suspended', until });
    t.clock.advance(3 * 86_400_000 + 1);
    expect(await assertUserActive({ ctx, input: { userId: trader.id } })).toEqual({ active: true });
  });

  it('refuses chat actors calling staff verbs', async () => {
    const trader = await createPlainUser(t);
    const chat: Actor = { kind: 'telegram', userId: trader.id, role: 'user', platformUserId: '1', chatId: '1' };
    await expect(banUser({ ctx: t.ctx(chat), input: { userId: trader.id, reason: 'x' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('complimentary subscriptions', () => {
  it('writes the subscription with grantedBy and grantReason, plus history; a second grant replaces the first', async () => {
    const admin = await createStaff(t);
    const trader = await createPlainUser(t);
    const until = new Date('2026-06-30T23:59:59Z');
    const first = await grantComplimentarySubscription({ ctx: t.ctx(as(admin.id)), input: { userId: trader.id, plan: 'pro', until, reason: 'beta tester' } });
    expect(first).toMatchObject({ plan: 'pro', status: 'active', provider: 'manual', isComplimentary: true, grantedBy: admin.id, grantReason: 'beta tester', expiresAt: until });
    expect(first.amount.equals(new Decimal(0))).toBe(true);
    const second = await grantComplimentarySubscription({ ctx: t.ctx(as(admin.id)), input: { userId: trader.id, plan: 'enterprise', until, reason: 'partner' } });
    const subs = await t.database.db.select().from(s.subscriptions).where(eq(s.subscriptions.userId, trader.id));
    expect(subs.find((x) => x.id === first.id)!.status).toBe('cancelled');
    expect(subs.find((x) => x.id === second.id)!.status).toBe('active');
    const history = await t.database.db.select().from(s.subscriptionHistory);
    expect(history.filter((h) => h.subscriptionId === first.id).map((h) => h.status).sort()).toEqual(['active', 'cancelled']);
    expect(history.find((h) => h.subscriptionId === second.id)?.changeReason).toBe('Complimentary grant: partner');
    const notes = await t.database.db.select().from(s.notifications).where(and(eq(s.notifications.userId, trader.id), eq(s.notifications.type, 'SUBSCRIPTION_CREATED')));
    expect(notes).toHaveLength(2);
  });

  it('refuses while a paid subscription is active', async () => {
    const admin = await createStaff(t);
    const trader = await createPlainUser(t);
    await t.database.db.insert(s.subscriptions).values({ userId: trader.id, plan: 'basic', status: 'active', provider: 'stripe', amount: new Decimal('9.99'), expiresAt: new Date('2026-12-31') });
    await expect(
      grantComplimentarySubscription({ ctx: t.ctx(as(admin.id)), input: { userId: trader.id, plan: 'pro', until: new Date('2026-06-30'), reason: 'x' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('support desk', () => {
  async function ticket(userId: string, values: Partial<typeof s.supportTickets.$inferInsert> = {}) {
    const [row] = await t.database.db.insert(s.supportTickets).values({ userId, subject: 'My bot does not start', ...values }).returning();
    await t.database.db.insert(s.ticketMessages).values({ ticketId: row.id, userId, content: 'It says error 42.' });
    return row;
  }

  it('a staff reply is a staff message plus a TICKET_MESSAGE notification for the user; closing raises TICKET_CLOSED', async () => {
    const admin = await createStaff(t);
    const trader = await createPlainUser(t);
    const tk = await ticket(trader.id);
    const { message, notificationId } = await replyAsStaff({ ctx: t.ctx(as(admin.id)), input: { ticketId: tk.id, content: 'Restart it with /startbot.' } });
    expect(message).toMatchObject({ isStaffReply: true, userId: admin.id, content: 'Restart it with /startbot.' });
    const [n] = await t.database.db.select().from(s.notifications).where(eq(s.notifications.id, notificationId));
    expect(n).toMatchObject({ userId: trader.id, type: 'TICKET_MESSAGE', message: 'Restart it with /startbot.', delivered: false });
    expect(n.metadata).toMatchObject({ ticketId: tk.id, messageId: message.id });
    const [after] = await t.database.db.select().from(s.supportTickets).where(eq(s.supportTickets.id, tk.id));
    expect(after).toMatchObject({ status: 'in_progress', assignedTo: admin.id });
    await closeTicket({ ctx: t.ctx(as(admin.id)), input: { ticketId: tk.id } });
    const closed = await t.database.db.select().from(s.notifications).where(and(eq(s.notifications.userId, trader.id), eq(s.notifications.type, 'TICKET_CLOSED')));
    expect(closed).toHaveLength(1);
    await expect(closeTicket({ ctx: t.ctx(as(admin.id)), input: { ticketId: tk.id } })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('orders the queue urgent first, then oldest; filters by priority and assignee; assigns only to staff', async () => {
    const admin = await createStaff(t);
    const trader = await createPlainUser(t);
    const category = 'billing' as const;
    t.clock.advance(1000);
    const old = await ticket(trader.id, { category, priority: 'normal', createdAt: new Date('2026-01-01') });
    const urgent = await ticket(trader.id, { category, priority: 'urgent', createdAt: new Date('2026-02-01') });
    const ctx = t.ctx(as(admin.id));
    const queue = await listTicketQueue({ ctx, input: { category } });
    expect(queue.rows.map((r) => r.id)).toEqual([urgent.id, old.id]);
    expect((await listTicketQueue({ ctx, input: { category, priority: 'urgent' } })).rows.map((r) => r.id)).toEqual([urgent.id]);
    await expect(assignTicket({ ctx, input: { ticketId: old.id, assigneeId: trader.id } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await assignTicket({ ctx, input: { ticketId: old.id, assigneeId: admin.id } });
    expect((await listTicketQueue({ ctx, input: { category, assignedTo: admin.id } })).rows.map((r) => r.id)).toEqual([old.id]);
    expect((await listTicketQueue({ ctx, input: { category, assignedTo: 'none' } })).rows.map((r) => r.id)).toEqual([urgent.id]);
  });
});
