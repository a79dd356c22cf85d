/** bot_config of a tenant for adapters (which may not read the database themselves). */
import type { ServiceEnv } from '../core/context.ts';
import { readBotSettings, type BotSettings } from './tenant-settings.ts';

export function readTenantBotSettings(env: ServiceEnv, tenantId: string): Promise<BotSettings> {
  return readBotSettings(env.db, tenantId);
}
