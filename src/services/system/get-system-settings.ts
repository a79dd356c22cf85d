/** The system_settings singleton (maintenance mode, registrations). Read on every chat command. */
import { eq } from 'drizzle-orm';
import { systemSettings } from '../../db/schema/index.ts';
import type { ServiceContext } from '../core/context.ts';

export interface SystemSettings {
  maintenanceMode: boolean;
  maintenanceMessage: string | null;
  registrationsOpen: boolean;
  updatedAt: Date;
  updatedBy: string | null;
}

export async function getSystemSettings({ ctx }: { ctx: ServiceContext }): Promise<SystemSettings> {
  const db = ctx.db ?? ctx.env.db;
  const [row] = await db.select().from(systemSettings).where(eq(systemSettings.id, 'singleton'));
  if (row) return row;
  return { maintenanceMode: false, maintenanceMessage: null, registrationsOpen: true, updatedAt: ctx.env.clock.now(), updatedBy: null };
}
