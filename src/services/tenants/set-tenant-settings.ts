/** Write forex_config or bot_config keys; each value is checked against the key's type first. */
import { z } from 'zod';
import { botConfig, forexConfig } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { invalid } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from './tenant-access.ts';
import { botSettingsSchema, forexSettingsSchema, readBotSettings, readForexSettings } from './tenant-settings.ts';

export const setTenantSettings = defineVerb({
  name: 'tenant_settings.set',
  input: z.object({
    tenantId: tenantIdSchema,
    scope: z.enum(['forex', 'bot']),
    values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const schema = input.scope === 'forex' ? forexSettingsSchema : botSettingsSchema;
    const table = input.scope === 'forex' ? forexConfig : botConfig;
    const issues = [];
    for (const [key, value] of Object.entries(input.values)) {
      const field = schema.shape[key as keyof typeof schema.shape] as z.ZodType | undefined;
      // .catch() on each key hides bad values when reading; unwrap it to validate writes strictly.
      const strict = field && 'unwrap' in field ? (field as unknown as { unwrap(): { def: { innerType: z.ZodType } } }).unwrap().def.innerType : undefined;
      if (!field) issues.push({ field: key, message: 'is not a known setting' });
      else if (strict && !strict.safeParse(value).success) issues.push({ field: key, message: `is not a valid value: ${String(value)}` });
    }
    if (issues.length) throw invalid(`${issues[0].field} ${issues[0].message}`, issues);
    for (const [key, value] of Object.entries(input.values)) {
      await tx
        .insert(table)
        .values({ tenantId: input.tenantId, settingKey: key, settingValue: String(value) })
        .onConflictDoUpdate({ target: [table.tenantId, table.settingKey], set: { settingValue: String(value) } });
    }
    await writeAudit(tx, ctx, 'tenant_settings.set', { tenantId: input.tenantId, scope: input.scope, keys: Object.keys(input.values) });
    return input.scope === 'forex' ? readForexSettings(tx, input.tenantId) : readBotSettings(tx, input.tenantId);
  },
});

export const getTenantSettings = defineVerb({
  name: 'tenant_settings.get',
  input: z.object({ tenantId: tenantIdSchema }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'member');
    return { forex: await readForexSettings(tx, input.tenantId), bot: await readBotSettings(tx, input.tenantId) };
  },
});
