/** The tenant bot an incoming Telegram webhook is addressed to (token and webhook secret decrypted). */
import { TENANT_BOT_ROLES } from '../../shared/enums.ts';
import type { ServiceEnv } from '../core/context.ts';
import { findTenantBot, type TenantBot } from '../telegram/tenant-bot-api.ts';

export async function loadTenantBotForWebhook(env: ServiceEnv, tenantId: string, botRole: string): Promise<TenantBot | null> {
  if (!(TENANT_BOT_ROLES as readonly string[]).includes(botRole) || !/^[a-z0-9_-]{2,63}$/.test(tenantId)) return null;
  return findTenantBot(env.db, env, tenantId, botRole);
}
