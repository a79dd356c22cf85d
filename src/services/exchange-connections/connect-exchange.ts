/**
 * Connect an exchange account: validate the keys against the venue (they must authenticate,
 * be able to trade, and must NOT be able to withdraw), then store them encrypted. The keys are
 * never logged and never returned.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { exchangeConnections } from '../../db/schema/index.ts';
import { readKeyPermissions } from '../../exchanges/ccxt/check-permissions.ts';
import { createExchange, SUPPORTED_VENUES } from '../../exchanges/ccxt/create-exchange.ts';
import { ExchangeError } from '../../exchanges/types.ts';
import { writeAudit } from '../core/audit.ts';
import { actorUserId } from '../core/context.ts';
import { invalid, preconditionFailed, unauthorized } from '../core/errors.ts';
import { defineVerb } from '../core/verb.ts';

const key = (label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(8, `${label} looks too short`)
    .max(256, `${label} looks too long`)
    .regex(/^[\x21-\x7e]+$/, `${label} may contain only printable characters without spaces`);

export const connectExchangeInput = z.object({
  exchange: z.enum(SUPPORTED_VENUES, { message: `exchange must be one of ${SUPPORTED_VENUES.join(', ')}` }),
  apiKey: key('API key'),
  secret: key('API secret'),
  passphrase: z.string().trim().min(1).max(128).optional(),
  testnet: z.boolean().default(false),
  label: z.string().trim().max(60).optional(),
});

export const connectExchange = defineVerb({
  name: 'exchange_connection.connect',
  input: connectExchangeInput,
  run: async ({ ctx, input, tx }) => {
    const userId = actorUserId(ctx.actor);
    if (!userId) throw unauthorized();
    if (input.exchange === 'okx' && !input.passphrase) throw invalid('OKX keys need the passphrase you chose when creating them.', [{ field: 'passphrase', message: 'required for OKX' }]);

    const transport = ctx.env.exchangeTransport;
    const exchange = await createExchange({
      venue: input.exchange,
      credentials: { apiKey: input.apiKey, secret: input.secret, password: input.passphrase },
      testnet: input.testnet,
      fetchImplementation: transport?.fetchImplementation,
      markets: transport?.markets?.[input.exchange],
    });
    let permissions;
    try {
      permissions = await readKeyPermissions(exchange);
    } catch (error) {
      if (error instanceof ExchangeError) throw preconditionFailed(`Could not verify the key with ${input.exchange}: ${error.message}`);
      throw error;
    }
    if (permissions.canWithdraw) {
      throw preconditionFailed(`This ${input.exchange} key can withdraw funds. For your safety Tradewire refuses such keys: create a new key with reading and spot trading only, and without withdrawals.`);
    }
    if (!permissions.canTrade) {
      throw preconditionFailed(`This ${input.exchange} key cannot trade. Enable spot trading on the key (and nothing that withdraws), then connect again.`);
    }

    const values = {
      userId,
      exchange: input.exchange,
      encryptedApiKey: ctx.env.keyring.encrypt(input.apiKey),
      encryptedSecretKey: ctx.env.keyring.encrypt(input.secret),
      encryptedPassphrase: input.passphrase ? ctx.env.keyring.encrypt(input.passphrase) : null,
      isActive: true,
      isTestnet: input.testnet,
      permissions: ['read', 'trade'],
      label: input.label ?? null,
      updatedAt: ctx.env.clock.now(),
    };
    const [existing] = await tx
      .select({ id: exchangeConnections.id })
      .from(exchangeConnections)
      .where(and(eq(exchangeConnections.userId, userId), eq(exchangeConnections.exchange, input.exchange)));
    const [row] = existing
      ? await tx.update(exchangeConnections).set(values).where(eq(exchangeConnections.id, existing.id)).returning()
      : await tx.insert(exchangeConnections).values({ ...values, createdAt: ctx.env.clock.now() }).returning();
    await writeAudit(tx, ctx, 'exchange_connection.connect', { connectionId: row.id, exchange: input.exchange, testnet: input.testnet, replaced: Boolean(existing) });
    return { id: row.id, exchange: row.exchange, testnet: row.isTestnet, label: row.label, permissions: row.permissions };
  },
});
