/** Change a provider's name, auth settings or allow-list, or switch it off (its webhook then answers 404). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { signalProviders } from '../../db/schema/index.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { loadManagedProvider } from './provider-access.ts';
import { providerConfigSchema, readProviderConfig } from './provider-config.ts';
import { forgetProvider } from './provider-cache.ts';

export const updateSignalProvider = defineVerb({
  name: 'signal_provider.update',
  input: z.object({
    providerId: z.string().min(1),
    name: z.string().trim().min(1).max(80).optional(),
    isActive: z.boolean().optional(),
    config: providerConfigSchema.partial().optional(),
  }),
  run: async ({ ctx, input, tx }) => {
    const provider = await loadManagedProvider(tx, ctx.actor, input.providerId);
    const config = providerConfigSchema.parse({ ...readProviderConfig(provider.config), ...input.config });
    const [row] = await tx
      .update(signalProviders)
      .set({ name: input.name ?? provider.name, isActive: input.isActive ?? provider.isActive, config, updatedAt: ctx.env.clock.now() })
      .where(eq(signalProviders.id, provider.id))
      .returning({ id: signalProviders.id, name: signalProviders.name, isActive: signalProviders.isActive, config: signalProviders.config });
    await writeAudit(tx, ctx, 'signal_provider.update', { providerId: provider.id, changed: Object.keys(input).filter((k) => k !== 'providerId') });
    forgetProvider(provider.id);
    return row;
  },
});
