/**
 * Connect (or reconnect) a tenant's Telegram bot for a role: the token is checked with getMe,
 * stored AES-256-GCM encrypted with a fresh webhook secret (also encrypted), and, when
 * PUBLIC_URL is set, Telegram is told to deliver updates to /telegram/:tenantId/:botRole with
 * that secret. The token is never returned or logged. Replacing the token of a connected bot
 * is a secret action: staff need to be superadmins for it.
 */
import { randomBytes } from 'node:crypto';
import { GrammyError } from 'grammy';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tenantBotConnections } from '../../db/schema/index.ts';
import { TENANT_BOT_ROLES } from '../../shared/enums.ts';
import { assertSuperadminForSecrets } from '../admin-core/roles.ts';
import { writeAudit } from '../core/audit.ts';
import { invalid, preconditionFailed } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { botApi } from '../telegram/tenant-bot-api.ts';
import { assertTenantAccess, tenantIdSchema } from './tenant-access.ts';

export const TENANT_BOT_UPDATES = ['message', 'edited_message', 'callback_query', 'chat_member', 'my_chat_member', 'chat_join_request'] as const;

export function tenantWebhookUrl(publicUrl: string | undefined, tenantId: string, botRole: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/$/, '')}/telegram/${encodeURIComponent(tenantId)}/${botRole}` : null;
}

export const connectTenantBot = defineVerb({
  name: 'tenant_bot.connect',
  input: z.object({
    tenantId: tenantIdSchema,
    botRole: z.enum(TENANT_BOT_ROLES),
    token: z.string().trim().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC-DEF… (from @BotFather)'),
    channelId: z.string().trim().regex(/^(-?\d{5,20}|@[A-Za-z0-9_]{5,32})$/, 'must be a chat id such as -1001234567890 or @channelname').optional(),
  }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const [existing] = await tx
      .select({ id: tenantBotConnections.id })
      .from(tenantBotConnections)
      .where(and(eq(tenantBotConnections.tenantId, input.tenantId), eq(tenantBotConnections.botRole, input.botRole)));
    if (existing) assertSuperadminForSecrets(ctx.actor, 'replace the token of a connected bot');
    const api = botApi(ctx.env, input.token);
    let username: string;
    try {
      username = (await api.getMe()).username;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 401) throw invalid('Telegram does not accept this bot token.', [{ field: 'token', message: 'rejected by Telegram' }]);
      throw preconditionFailed('Telegram could not be reached to check the bot token; try again in a minute.');
    }
    const webhookSecret = randomBytes(32).toString('base64url');
    const values = {
      tenantId: input.tenantId,
      botRole: input.botRole,
      botTokenEncrypted: ctx.env.keyring.encrypt(input.token),
      botUsername: username,
      channelId: input.channelId ?? null,
      webhookSecret: ctx.env.keyring.encrypt(webhookSecret),
      updatedAt: ctx.env.clock.now(),
    };
    const [row] = await tx
      .insert(tenantBotConnections)
      .values(values)
      .onConflictDoUpdate({ target: [tenantBotConnections.tenantId, tenantBotConnections.botRole], set: values })
      .returning({ id: tenantBotConnections.id });
    const webhookUrl = tenantWebhookUrl(ctx.env.config.PUBLIC_URL, input.tenantId, input.botRole);
    if (webhookUrl) await api.setWebhook(webhookUrl, { secret_token: webhookSecret, allowed_updates: [...TENANT_BOT_UPDATES], drop_pending_updates: false });
    await writeAudit(tx, ctx, 'tenant_bot.connect', { tenantId: input.tenantId, botRole: input.botRole, botUsername: username, replaced: Boolean(existing) });
    return { connectionId: row.id, botUsername: username, webhookUrl, channelId: values.channelId, replaced: Boolean(existing) };
  },
});
