/** Small fixtures for service tests: users and actors. */
import * as s from '../../src/db/schema/index.ts';
import type { Actor } from '../../src/services/core/context.ts';
import type { TestContext } from './db.ts';

export async function createUser(t: TestContext, values: Partial<typeof s.users.$inferInsert> = {}) {
  const [user] = await t.database.db.insert(s.users).values(values).returning();
  return user;
}

export function consoleActor(userId: string, role: 'user' | 'admin' | 'superadmin' = 'user'): Actor {
  return { kind: 'console', userId, role, platformUserId: userId, chatId: userId };
}

export function adminActor(userId: string, role: 'admin' | 'superadmin' = 'admin'): Actor {
  return { kind: 'admin', userId, role, via: 'session', ip: '127.0.0.1' };
}
