/**
 * What a broadcast would look like before anything is stored: the message exactly as Telegram
 * shows it (plain text, link previews off), its length, which bot sends it and how many
 * contacts would receive it (those who have not blocked the bot). Changes nothing.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { botUsers, tenantBotConnections } from '../../db/schema/index.ts';
import { TENANT_BOT_ROLES } from '../../shared/enums.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';

export const broadcastDraftSchema = z.object({
  tenantId: tenantIdSchema,
  message: z.string({ message: 'Write the message.' }).trim().min(1, 'Write the message.').max(4096, 'Telegram takes at most 4096 characters.'),
  botRole: z.enum(TENANT_BOT_ROLES).default('message_bot'),
});

export const previewBroadcast = defineVerb({
  name: 'broadcast.preview',
  input: broadcastDraftSchema,
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [[bot], [{ n }]] = await Promise.all([
      tx
        .select({ botUsername: tenantBotConnections.botUsername })
        .from(tenantBotConnections)
        .where(and(eq(tenantBotConnections.tenantId, input.tenantId), eq(tenantBotConnections.botRole, input.botRole))),
      tx.select({ n: sql<number>`count(*)::int` }).from(botUsers).where(and(eq(botUsers.tenantId, input.tenantId), isNull(botUsers.blockedAt))),
    ]);
    return {
      tenantId: input.tenantId,
      botRole: input.botRole,
      message: input.message,
      characters: input.message.length,
      botConnected: Boolean(bot),
      botUsername: bot?.botUsername ?? null,
      recipients: n,
    };
  },
});
