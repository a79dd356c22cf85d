/** Users, newest first: search by email, name or chat id; filter by status and role. */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema/index.ts';
import { USER_ROLES, USER_STATUSES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';
import { offsetOf, optionalEnum, optionalText, pageFields, toPage } from '../admin-core/pagination.ts';
import { isStaff } from '../admin-core/roles.ts';

export const listUsers = defineVerb({
  name: 'user.list',
  input: z.object({ q: optionalText, status: optionalEnum(USER_STATUSES), role: optionalEnum(USER_ROLES), ...pageFields }),
  allow: isStaff,
  transactional: false,
  run: async ({ input, tx }) => {
    const filters: SQL[] = [];
    if (input.status) filters.push(eq(users.status, input.status));
    if (input.role) filters.push(eq(users.role, input.role));
    if (input.q) {
      const like = `%${input.q.replace(/[%_\\]/g, '\\$&')}%`;
      filters.push(or(ilike(users.email, like), ilike(users.fullName, like), ilike(users.firstName, like), ilike(users.lastName, like), eq(users.telegramChatId, input.q), eq(users.discordUserId, input.q), eq(users.id, input.q))!);
    }
    const where = filters.length ? and(...filters) : undefined;
    const rows = await tx
      .select({
        id: users.id,
        email: users.email,
        fullName: users.fullName,
        firstName: users.firstName,
        lastName: users.lastName,
        role: users.role,
        status: users.status,
        suspendedUntil: users.suspendedUntil,
        telegramChatId: users.telegramChatId,
        discordUserId: users.discordUserId,
        subscriptionPlan: users.subscriptionPlan,
        lastLoginAt: users.lastLoginAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(input.pageSize)
      .offset(offsetOf(input));
    const [{ n }] = await tx.select({ n: count() }).from(users).where(where);
    return toPage(rows, n, input);
  },
});
