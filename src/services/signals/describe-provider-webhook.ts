/** The webhook URL, headers and an example TradingView message of a provider (the secret only when asked). */
import { z } from 'zod';
import { assertSuperadminForSecrets } from '../admin-core/roles.ts';
import { defineVerb } from '../core/verb.ts';
import { loadManagedProvider } from './provider-access.ts';
import { readProviderConfig } from './provider-config.ts';
import { providerWebhookInfo } from './provider-webhook-info.ts';

export const describeProviderWebhook = defineVerb({
  name: 'signal_provider.describe_webhook',
  input: z.object({ providerId: z.string().min(1), revealSecret: z.boolean().default(false) }),
  transactional: false,
  run: async ({ ctx, input, tx }) => {
    if (input.revealSecret) assertSuperadminForSecrets(ctx.actor, 'reveal a provider secret');
    const provider = await loadManagedProvider(tx, ctx.actor, input.providerId);
    const secret = input.revealSecret && provider.apiKey ? ctx.env.keyring.decrypt(provider.apiKey) : null;
    const config = readProviderConfig(provider.config);
    return {
      provider: { id: provider.id, name: provider.name, tenantId: provider.tenantId, isActive: provider.isActive, reliability: provider.reliability.toFixed(1) },
      webhook: providerWebhookInfo(ctx.env.config, provider.id, config, secret),
    };
  },
});
