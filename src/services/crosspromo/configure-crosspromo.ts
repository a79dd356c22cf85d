/**
 * A community's cross-promotion (tenant_crosspromo_settings): which bot posts, the VIP and free
 * channels, the call-to-action link, and when the morning post goes out. The seed names the
 * column morning_post_time_utc, but posts go out at the tenant's local time: the value is read
 * as a wall-clock time in `timezone` (UTC unless set).
 */
import { z } from 'zod';
import { tenantCrosspromoSettings } from '../../db/schema/index.ts';
import { TENANT_BOT_ROLES } from '../../shared/enums.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { isTimeZone } from '../tenants/create-tenant.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';

const chat = z.string().trim().regex(/^(-?\d{5,20}|@[A-Za-z0-9_]{5,32})$/, 'must be a chat id such as -1001234567890 or @channelname');

export const configureCrosspromo = defineVerb({
  name: 'crosspromo.configure',
  input: z.object({
    tenantId: tenantIdSchema,
    enabled: z.boolean(),
    botRole: z.enum(TENANT_BOT_ROLES).default('signal_bot'),
    vipChannelId: chat.nullable().optional(),
    freeChannelId: chat,
    ctaUrl: z.url().nullable().optional(),
    morningPostTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('08:00'),
    timezone: z.string().refine(isTimeZone, 'must be an IANA time zone').default('UTC'),
  }),
  run: async ({ ctx, input, tx }) => {
    await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
    const values = {
      enabled: input.enabled,
      botRole: input.botRole,
      vipChannelId: input.vipChannelId ?? null,
      freeChannelId: input.freeChannelId,
      ctaUrl: input.ctaUrl ?? null,
      morningPostTimeUtc: `${input.morningPostTime}:00`,
      timezone: input.timezone,
    };
    const [row] = await tx
      .insert(tenantCrosspromoSettings)
      .values({ tenantId: input.tenantId, ...values })
      .onConflictDoUpdate({ target: tenantCrosspromoSettings.tenantId, set: values })
      .returning();
    await writeAudit(tx, ctx, 'crosspromo.configure', { tenantId: input.tenantId, enabled: input.enabled });
    return row;
  },
});
