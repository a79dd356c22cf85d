/**
 * The Bot API clients of tenants' bots. One grammY `Api` per token, cached for the process
 * (keyed by the token, so a rotated token gets a fresh client), pointed at TELEGRAM_API_ROOT so
 * tests and self-hosted Bot API servers work the same way. No auto-retry here: senders pace
 * in the job layer and decide themselves what a 429 or a timeout means (ADR 0005).
 */
import { Api } from 'grammy';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { tenantBotConnections } from '../../db/schema/index.ts';
import type { ServiceEnv } from '../core/context.ts';
import { preconditionFailed } from '../core/errors.ts';

export type TenantBotRole = 'signal_bot' | 'message_bot';

export interface TenantBot {
  connectionId: string;
  tenantId: string;
  botRole: TenantBotRole;
  token: string;
  webhookSecret: string;
  channelId: string | null;
  botUsername: string | null;
}

const clients = new Map<string, Api>();

export function botApi(env: Pick<ServiceEnv, 'config'>, token: string): Api {
  const key = `${env.config.TELEGRAM_API_ROOT}|${token}`;
  let api = clients.get(key);
  if (!api) {
    api = new Api(token, { apiRoot: env.config.TELEGRAM_API_ROOT, timeoutSeconds: 20 });
    clients.set(key, api);
  }
  return api;
}

/** The tenant's bot for a role, with its token decrypted; null when none is connected. */
export async function findTenantBot(db: DbOrTx, env: Pick<ServiceEnv, 'keyring'>, tenantId: string, botRole: string): Promise<TenantBot | null> {
  const [row] = await db
    .select()
    .from(tenantBotConnections)
    .where(and(eq(tenantBotConnections.tenantId, tenantId), eq(tenantBotConnections.botRole, botRole)));
  if (!row) return null;
  return {
    connectionId: row.id,
    tenantId: row.tenantId,
    botRole: row.botRole as TenantBotRole,
    token: env.keyring.decrypt(row.botTokenEncrypted),
    webhookSecret: env.keyring.decrypt(row.webhookSecret),
    channelId: row.channelId,
    botUsername: row.botUsername,
  };
}

export async function requireTenantBot(db: DbOrTx, env: Pick<ServiceEnv, 'keyring'>, tenantId: string, botRole: string): Promise<TenantBot> {
  const bot = await findTenantBot(db, env, tenantId, botRole);
  if (!bot) throw preconditionFailed(`Connect a ${botRole.replace('_', ' ')} for this community first.`);
  return bot;
}
