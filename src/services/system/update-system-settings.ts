/** Maintenance mode and message, registrations open (superadmin). Chat adapters read these. */
import { z } from 'zod';
import { systemSettings } from '../../db/schema/index.ts';
import { actorUserId } from '../core/context.ts';
import { defineVerb } from '../core/verb.ts';
import { auditAdmin } from '../admin-core/audit.ts';
import { isSuperadmin } from '../admin-core/roles.ts';
import { getSystemSettings } from './get-system-settings.ts';

export const updateSystemSettings = defineVerb({
  name: 'system_settings.update',
  input: z.object({
    maintenanceMode: z.boolean(),
    maintenanceMessage: z.preprocess((v) => (v === '' ? null : v), z.string().trim().max(500).nullable().default(null)),
    registrationsOpen: z.boolean(),
  }),
  allow: isSuperadmin,
  run: async ({ ctx, input, tx }) => {
    const before = await getSystemSettings({ ctx: { ...ctx, db: tx } });
    const now = ctx.env.clock.now();
    const values = { ...input, updatedAt: now, updatedBy: actorUserId(ctx.actor) };
    await tx.insert(systemSettings).values({ id: 'singleton', ...values }).onConflictDoUpdate({ target: systemSettings.id, set: values });
    await auditAdmin(tx, ctx, 'system_settings.update', {
      before: { maintenanceMode: before.maintenanceMode, maintenanceMessage: before.maintenanceMessage, registrationsOpen: before.registrationsOpen },
      after: input,
    });
    return getSystemSettings({ ctx: { ...ctx, db: tx } });
  },
});
