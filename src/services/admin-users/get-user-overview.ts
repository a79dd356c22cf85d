/** Everything the user page shows: profile, linked chats, bots, subscription, tickets, notes. */
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { adminNotes, bots, loginHistory, subscriptions, supportTickets, twoFactorAuth, users } from '../../db/schema/index.ts';
import { notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { isStaff } from '../admin-core/roles.ts';

export const getUserOverview = defineVerb({
  name: 'user.get',
  input: z.object({ userId: z.string().min(1).max(64) }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound('That user');
    const [botRows, subs, tickets, notes, logins, tfa] = await Promise.all([
      tx
        .select({ id: bots.id, name: bots.name, type: bots.type, status: bots.status, tradingPair: bots.tradingPair, paperTrading: bots.paperTrading, profit: bots.profit, profitPercentage: bots.profitPercentage, totalTrades: bots.totalTrades })
        .from(bots)
        .where(eq(bots.userId, user.id))
        .orderBy(desc(bots.createdAt)),
      tx.select().from(subscriptions).where(eq(subscriptions.userId, user.id)).orderBy(desc(subscriptions.createdAt)).limit(5),
      tx.select().from(supportTickets).where(eq(supportTickets.userId, user.id)).orderBy(desc(supportTickets.createdAt)).limit(20),
      tx
        .select({ id: adminNotes.id, content: adminNotes.content, category: adminNotes.category, createdAt: adminNotes.createdAt, authorId: adminNotes.authorId, authorEmail: users.email })
        .from(adminNotes)
        .leftJoin(users, eq(users.id, adminNotes.authorId))
        .where(eq(adminNotes.userId, user.id))
        .orderBy(desc(adminNotes.createdAt)),
      tx.select().from(loginHistory).where(eq(loginHistory.userId, user.id)).orderBy(desc(loginHistory.createdAt)).limit(10),
      tx.select({ enabled: twoFactorAuth.enabled }).from(twoFactorAuth).where(eq(twoFactorAuth.userId, user.id)),
    ]);
    return {
      profile: {
        id: user.id,
        email: user.email,
        fullName: user.fullName,
        firstName: user.firstName,
        lastName: user.lastName,
        role: user.role,
        status: user.status,
        bannedAt: user.bannedAt,
        bannedReason: user.bannedReason,
        suspendedUntil: user.suspendedUntil,
        suspendedReason: user.suspendedReason,
        forcePasswordReset: user.forcePasswordReset,
        twoFactorEnabled: tfa[0]?.enabled === true,
        lockedUntil: user.lockedUntil,
        timezone: user.timezone,
        language: user.language,
        subscriptionPlan: user.subscriptionPlan,
        lastLoginAt: user.lastLoginAt,
        createdAt: user.createdAt,
      },
      linkedChats: { telegramChatId: user.telegramChatId, discordUserId: user.discordUserId, whatsappPhone: user.whatsappPhone },
      bots: botRows,
      subscription: subs.find((s) => s.status === 'active' || s.status === 'trial') ?? null,
      subscriptions: subs,
      tickets,
      notes,
      logins,
    };
  },
});
