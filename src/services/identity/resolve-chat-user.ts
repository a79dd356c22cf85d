/**
 * Find the user behind a chat identity, creating them on first contact (chat-first users have
 * no email or password). A new Telegram contact also becomes a bot_users row of the default
 * tenant; Discord and terminal identities do not, because bot_users.chat_id is a Telegram chat
 * id (a Discord snowflake does not fit a JS number exactly).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { botUsers, notificationPreferences, users } from '../../db/schema/index.ts';
import { DEFAULT_TENANT_ID } from '../../db/seed/index.ts';
import { writeAudit } from '../core/audit.ts';
import type { ChatPlatform, UserRole } from '../core/context.ts';
import { preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { getSystemSettings } from '../system/get-system-settings.ts';
import { identityColumn, identityField, randomCode } from './chat-identity.ts';
import { SUPPORTED_LANGUAGES } from './settings-options.ts';

const name = z.string().max(128).optional();

export interface ChatUser {
  userId: string;
  role: UserRole;
  created: boolean;
  createdAt: Date;
}

export const resolveChatUser = defineVerb({
  name: 'user.resolve_chat',
  input: z.object({
    platform: z.enum(['telegram', 'discord', 'console']),
    platformUserId: z.string().regex(/^[A-Za-z0-9:._@-]{1,64}$/),
    chatId: z.string().min(1).max(64),
    username: name,
    firstName: name,
    lastName: name,
    languageCode: z.string().max(16).optional(),
    /** false: only look up (maintenance mode must not create accounts). */
    create: z.boolean().default(true),
  }),
  allow: (actor) => actor.kind === 'system' || actor.kind === 'telegram' || actor.kind === 'discord' || actor.kind === 'console',
  run: async ({ ctx, input, tx }): Promise<ChatUser | null> => {
    const now = ctx.env.clock.now();
    const found = await findByIdentity(tx, input.platform, input.platformUserId);
    if (found) {
      // Writing to us again means the person unblocked the bot.
      if (input.platform === 'telegram' && found.telegramBlockedAt) await tx.update(users).set({ telegramBlockedAt: null }).where(eq(users.id, found.id));
      if (input.platform === 'discord' && found.discordBlockedAt) await tx.update(users).set({ discordBlockedAt: null }).where(eq(users.id, found.id));
      return { userId: found.id, role: found.role as UserRole, created: false, createdAt: found.createdAt };
    }
    if (!input.create) return null;
    const settings = await getSystemSettings({ ctx: { ...ctx, db: tx } });
    if (!settings.registrationsOpen) throw preconditionFailed('New sign-ups are closed right now. Please try again later.');

    const language = input.languageCode?.slice(0, 2).toLowerCase();
    const [created] = await tx
      .insert(users)
      .values({
        [identityField[input.platform]]: input.platformUserId,
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        fullName: [input.firstName, input.lastName].filter(Boolean).join(' ') || input.username || null,
        language: language && (SUPPORTED_LANGUAGES as readonly string[]).includes(language) ? language : 'en',
        referralCode: randomCode(8),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      // Another message from the same person created the row a moment ago.
      const again = await findByIdentity(tx, input.platform, input.platformUserId);
      if (!again) throw preconditionFailed('Could not create your account. Please try again.');
      return { userId: again.id, role: again.role as UserRole, created: false, createdAt: again.createdAt };
    }
    await tx
      .insert(notificationPreferences)
      .values({ userId: created.id, telegramEnabled: input.platform === 'telegram', discordEnabled: input.platform === 'discord', createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    if (input.platform === 'telegram' && /^-?\d{1,15}$/.test(input.chatId)) {
      await tx
        .insert(botUsers)
        .values({ tenantId: DEFAULT_TENANT_ID, chatId: Number(input.chatId), username: input.username ?? null, firstName: input.firstName ?? null, lastName: input.lastName ?? null, userId: created.id, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: [botUsers.tenantId, botUsers.chatId], set: { userId: created.id, updatedAt: now } });
    }
    await writeAudit(tx, { ...ctx, actor: { kind: input.platform, userId: created.id, role: 'user', platformUserId: input.platformUserId, chatId: input.chatId } }, 'user.resolve_chat', { platform: input.platform, created: true });
    return { userId: created.id, role: 'user', created: true, createdAt: created.createdAt };
  },
});

async function findByIdentity(tx: DbOrTx, platform: ChatPlatform, platformUserId: string) {
  const [row] = await tx
    .select({ id: users.id, role: users.role, createdAt: users.createdAt, telegramBlockedAt: users.telegramBlockedAt, discordBlockedAt: users.discordBlockedAt })
    .from(users)
    .where(eq(identityColumn[platform], platformUserId));
  return row;
}
