/**
 * The live ccxt path, offline: real ccxt clients with saved real markets, answered by a fake
 * venue at the HTTP level (fetchImplementation).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CcxtBroker } from '../../src/exchanges/ccxt/ccxt-broker.ts';
import { readKeyPermissions } from '../../src/exchanges/ccxt/check-permissions.ts';
import { createExchange, type Venue } from '../../src/exchanges/ccxt/create-exchange.ts';
import { ExchangeError } from '../../src/exchanges/types.ts';
import { Decimal } from '../../src/shared/money.ts';
import { FakeVenue } from '../helpers/fake-venue.ts';

const markets = (venue: Venue) => JSON.parse(readFileSync(new URL(`../fixtures/markets/${venue}.json`, import.meta.url), 'utf8'));

async function setup(venue: Venue, options: ConstructorParameters<typeof FakeVenue>[1] = {}) {
  const fake = new FakeVenue(venue, options);
  const exchange = await createExchange({ venue, credentials: { apiKey: 'k'.repeat(24), secret: 's'.repeat(24), password: 'pass' }, markets: markets(venue), fetchImplementation: fake.fetch });
  return { fake, exchange, broker: new CcxtBroker(exchange) };
}

const VENUES: Venue[] = ['binance', 'okx', 'bybit'];

describe.each(VENUES)('%s through ccxt', (venue) => {
  it('places a market order carrying our client order id and reads it back by that id', async () => {
    const { fake, broker } = await setup(venue, { fillPrice: '20123.4' });
    const order = await broker.createOrder({ clientOrderId: 'twabc123', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: new Decimal('0.001') });
    expect(fake.orders).toHaveLength(1);
    expect(fake.orders[0].clientOrderId).toBe('twabc123');
    expect(order.clientOrderId).toBe('twabc123');
    const back = await broker.fetchOrderByClientId('twabc123', 'BTC/USDT');
    expect(back?.status).toBe('filled');
    expect(back?.filled.toString()).toBe('0.001');
    expect(back?.averagePrice?.toString()).toBe('20123.4');
  });

  it('answers null for a client order id the venue never saw', async () => {
    const { broker } = await setup(venue);
    expect(await broker.fetchOrderByClientId('twnever', 'BTC/USDT')).toBeNull();
  });

  it('after a lost response, looks the order up instead of sending it again', async () => {
    const { fake, broker } = await setup(venue);
    fake.loseNextCreateResponse = true;
    const request = { clientOrderId: 'twlost1', symbol: 'BTC/USDT', side: 'buy' as const, type: 'market' as const, quantity: new Decimal('0.001') };
    const first = await broker.createOrder(request).catch((e) => e);
    expect(first).toBeInstanceOf(ExchangeError);
    expect((first as ExchangeError).retryable).toBe(true);
    const second = await broker.createOrder(request); // the retry
    expect(second.status).toBe('filled');
    expect(fake.countFor('twlost1')).toBe(1);
    expect(fake.createCalls).toBe(1); // the retry never reached the create endpoint
  });

  it('refuses keys that can withdraw, accepts read+trade keys', async () => {
    const withdraw = await setup(venue, { permissions: { withdraw: true } });
    expect((await readKeyPermissions(withdraw.exchange)).canWithdraw).toBe(true);
    const safe = await setup(venue);
    const p = await readKeyPermissions(safe.exchange);
    expect(p).toMatchObject({ canWithdraw: false, canTrade: true });
  });

  it.each([
    [401, 'auth', false],
    [429, 'rate_limit', true],
  ])('translates HTTP %i into %s (retryable %s)', async (status, kind, retryable) => {
    const { broker } = await setup(venue, { failWith: status });
    const error = await broker.createOrder({ clientOrderId: 'twerr', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: new Decimal('0.001') }).catch((e) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.message).not.toContain('s'.repeat(24));
  });
});
