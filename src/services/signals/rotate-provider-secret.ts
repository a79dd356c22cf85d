/**
 * Replace a provider's secret; the old one stops working at once in this process and within 5 s
 * elsewhere. Staff need to be superadmins for this; owners rotate their own.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { signalProviders } from '../../db/schema/index.ts';
import { assertSuperadminForSecrets } from '../admin-core/roles.ts';
import { writeAudit } from '../core/audit.ts';
import { defineVerb } from '../core/verb.ts';
import { loadManagedProvider } from './provider-access.ts';
import { generateProviderSecret, readProviderConfig } from './provider-config.ts';
import { forgetProvider } from './provider-cache.ts';
import { providerWebhookInfo } from './provider-webhook-info.ts';

export const rotateProviderSecret = defineVerb({
  name: 'signal_provider.rotate_secret',
  input: z.object({ providerId: z.string().min(1) }),
  run: async ({ ctx, input, tx }) => {
    assertSuperadminForSecrets(ctx.actor, 'rotate a provider secret');
    const provider = await loadManagedProvider(tx, ctx.actor, input.providerId);
    const secret = generateProviderSecret();
    await tx.update(signalProviders).set({ apiKey: ctx.env.keyring.encrypt(secret), updatedAt: ctx.env.clock.now() }).where(eq(signalProviders.id, provider.id));
    await writeAudit(tx, ctx, 'signal_provider.rotate_secret', { providerId: provider.id });
    forgetProvider(provider.id);
    return { providerId: provider.id, secret, webhook: providerWebhookInfo(ctx.env.config, provider.id, readProviderConfig(provider.config), secret) };
  },
});
