/**
 * Create a webhook signal provider for a user, a community (tenant) or the platform (staff).
 * The secret is generated here, stored encrypted, and returned once with the webhook details.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { signalProviders, tenants } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { actorUserId, isStaff } from '../core/context.ts';
import { forbidden, notFound } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';
import { assertTenantAccess, tenantIdSchema } from '../tenants/tenant-access.ts';
import { generateProviderSecret, providerConfigSchema } from './provider-config.ts';
import { providerWebhookInfo } from './provider-webhook-info.ts';

export const createSignalProvider = defineVerb({
  name: 'signal_provider.create',
  input: z.object({
    name: z.string().trim().min(1).max(80),
    tenantId: tenantIdSchema.optional(),
    /** Staff only: a provider for the whole platform (no owner). */
    platform: z.boolean().default(false),
    config: providerConfigSchema.default(providerConfigSchema.parse({})),
  }),
  run: async ({ ctx, input, tx }) => {
    let ownerUserId: string | null = null;
    if (input.tenantId) {
      await assertTenantAccess(tx, ctx.actor, input.tenantId, 'admin');
      const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, input.tenantId));
      if (!tenant) throw notFound('That community');
    } else if (input.platform) {
      if (!(ctx.actor.kind === 'system' || isStaff(ctx.actor))) throw forbidden('Only staff can create platform providers.');
    } else {
      ownerUserId = actorUserId(ctx.actor);
      if (!ownerUserId) throw forbidden('A provider needs an owner: a user or a community.');
    }
    const secret = generateProviderSecret();
    const [row] = await tx
      .insert(signalProviders)
      .values({
        name: input.name,
        type: 'webhook',
        apiKey: ctx.env.keyring.encrypt(secret),
        config: input.config,
        ownerUserId,
        tenantId: input.tenantId ?? null,
        createdAt: ctx.env.clock.now(),
        updatedAt: ctx.env.clock.now(),
      })
      .returning({ id: signalProviders.id, name: signalProviders.name, tenantId: signalProviders.tenantId });
    await tx.update(signalProviders).set({ url: providerWebhookInfo(ctx.env.config, row.id, input.config, null).url }).where(eq(signalProviders.id, row.id));
    await writeAudit(tx, ctx, 'signal_provider.create', { providerId: row.id, tenantId: row.tenantId, auth: input.config.auth });
    return { provider: row, secret, webhook: providerWebhookInfo(ctx.env.config, row.id, input.config, secret) };
  },
});
