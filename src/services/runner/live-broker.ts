/** The ccxt broker for a live bot, from its encrypted exchange connection (cached per process). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { exchangeConnections } from '../../db/schema/index.ts';
import { CcxtBroker } from '../../exchanges/ccxt/ccxt-broker.ts';
import { createExchange, type Venue } from '../../exchanges/ccxt/create-exchange.ts';
import type { Broker } from '../../exchanges/types.ts';
import type { ServiceEnv } from '../core/context.ts';

const cache = new Map<string, { broker: Broker; version: number }>();

export async function brokerForConnection(db: DbOrTx, env: ServiceEnv, connectionId: string | null): Promise<Broker> {
  if (!connectionId) throw new Error('this live bot has no exchange connection; connect the exchange again');
  const [conn] = await db.select().from(exchangeConnections).where(eq(exchangeConnections.id, connectionId));
  if (!conn || !conn.isActive) throw new Error('the exchange connection of this bot was removed or disabled');
  const version = conn.updatedAt.getTime();
  const hit = cache.get(conn.id);
  if (hit && hit.version === version) return hit.broker;
  const exchange = await createExchange({
    venue: conn.exchange as Venue,
    credentials: {
      apiKey: env.keyring.decrypt(conn.encryptedApiKey),
      secret: env.keyring.decrypt(conn.encryptedSecretKey),
      password: conn.encryptedPassphrase ? env.keyring.decrypt(conn.encryptedPassphrase) : null,
    },
    testnet: conn.isTestnet,
    fetchImplementation: env.exchangeTransport?.fetchImplementation,
    markets: env.exchangeTransport?.markets?.[conn.exchange],
  });
  const broker = new CcxtBroker(exchange);
  cache.set(conn.id, { broker, version });
  return broker;
}
