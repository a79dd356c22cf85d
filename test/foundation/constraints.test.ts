/**
 * The seeds' cascade / set-null rules and unique constraints, proven on real Postgres.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as s from '../../src/db/schema/index.ts';
import { Decimal } from '../../src/shared/money.ts';
import { useTestDatabase } from '../helpers/db.ts';

const t = useTestDatabase();
const d = (v: string) => new Decimal(v);

async function makeUser(email?: string) {
  const [u] = await t.database.db.insert(s.users).values({ email }).returning();
  return u;
}

async function makeBot(userId: string, name = 'b1') {
  const [b] = await t.database.db.insert(s.bots).values({ userId, name, type: 'dca', config: {} }).returning();
  return b;
}

async function expectUniqueViolation(promise: Promise<unknown>) {
  await expect(promise).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });
}

describe('cascade and set-null rules', () => {
  it('deleting a user cascades to bots, executions, positions, sessions, tickets and more', async () => {
    const db = t.database.db;
    const u = await makeUser('cascade@example.com');
    const bot = await makeBot(u.id);
    await db.insert(s.executions).values({ botId: bot.id, executionId: 'e-cascade', signal: 'HOLD', confidence: d('50'), reason: 'x', price: d('1'), status: 'success' });
    await db.insert(s.positions).values({ botId: bot.id, userId: u.id, symbol: 'BTC/USDT', quantity: d('1'), entryPrice: d('1'), currentPrice: d('1') });
    await db.insert(s.sessions).values({ userId: u.id, refreshToken: 'rt-cascade', expiresAt: new Date('2030-01-01') });
    const [ticket] = await db.insert(s.supportTickets).values({ userId: u.id, subject: 'help' }).returning();
    await db.insert(s.ticketMessages).values({ ticketId: ticket.id, userId: u.id, content: 'hi' });
    await db.insert(s.notifications).values({ userId: u.id, type: 'BOT_CREATED', channel: 'TELEGRAM', title: 't', message: 'm' });
    await db.insert(s.exchangeConnections).values({ userId: u.id, exchange: 'binance', encryptedApiKey: 'x', encryptedSecretKey: 'y' });
    await db.insert(s.journalTrades).values({ userId: u.id, symbol: 'NQ' });

    await db.delete(s.users).where(eq(s.users.id, u.id));

    for (const table of [s.bots, s.executions, s.positions, s.sessions, s.supportTickets, s.ticketMessages, s.notifications, s.exchangeConnections, s.journalTrades]) {
      const rows = await db.select().from(table);
      expect(rows.filter((r: Record<string, unknown>) => r.userId === u.id || r.botId === bot.id || r.ticketId === ticket.id)).toEqual([]);
    }
  });

  it('security_logs.user_id is set null when the user is deleted', async () => {
    const db = t.database.db;
    const u = await makeUser();
    const [log] = await db.insert(s.securityLogs).values({ type: 'auth_failure', userId: u.id, ipAddress: '10.0.0.1', userAgent: 'ua' }).returning();
    await db.delete(s.users).where(eq(s.users.id, u.id));
    const [after] = await db.select().from(s.securityLogs).where(eq(s.securityLogs.id, log.id));
    expect(after).toBeDefined();
    expect(after.userId).toBeNull();
  });

  it('trades.bot_id is set null when the bot is deleted, and the trade survives', async () => {
    const db = t.database.db;
    const u = await makeUser();
    const bot = await makeBot(u.id, 'doomed');
    const [pos] = await db.insert(s.positions).values({ botId: bot.id, userId: u.id, symbol: 'BTC/USDT', quantity: d('1'), entryPrice: d('1'), currentPrice: d('1') }).returning();
    const [trade] = await db
      .insert(s.trades)
      .values({ userId: u.id, botId: bot.id, positionId: pos.id, symbol: 'BTCUSDT', side: 'BUY', price: d('100'), quantity: d('0.5'), executedPrice: d('100.1') })
      .returning();
    await db.delete(s.bots).where(eq(s.bots.id, bot.id));
    const [after] = await db.select().from(s.trades).where(eq(s.trades.id, trade.id));
    expect(after.botId).toBeNull();
    expect(after.positionId).toBeNull();
    expect(after.executedPrice.toFixed()).toBe('100.1');
  });

  it('deleting a strategy cascades to versions, components, reviews and purchases', async () => {
    const db = t.database.db;
    const u = await makeUser();
    const [st] = await db.insert(s.strategies).values({ creatorId: u.id, name: 'x' }).returning();
    await db.insert(s.strategyVersions).values({ strategyId: st.id, versionNumber: 1, config: {} });
    await db.insert(s.strategyComponents).values({ strategyId: st.id, componentType: 'entry', position: 0 });
    await db.insert(s.strategyReviews).values({ strategyId: st.id, userId: u.id, rating: 5 });
    await db.insert(s.strategyPurchases).values({ strategyId: st.id, userId: u.id, price: d('10') });
    await db.delete(s.strategies).where(eq(s.strategies.id, st.id));
    expect(await db.select().from(s.strategyVersions).where(eq(s.strategyVersions.strategyId, st.id))).toEqual([]);
    expect(await db.select().from(s.strategyReviews).where(eq(s.strategyReviews.strategyId, st.id))).toEqual([]);
  });

  it('deleting a tenant cascades to its bots, contacts and signals', async () => {
    const db = t.database.db;
    await db.insert(s.tenants).values({ id: 'gone', name: 'Gone' });
    await db.insert(s.botUsers).values({ tenantId: 'gone', chatId: 1 });
    await db.insert(s.forexSignals).values({ tenantId: 'gone', direction: 'BUY', entryPrice: d('1'), stopLoss: d('0.9') });
    await db.delete(s.tenants).where(eq(s.tenants.id, 'gone'));
    expect(await db.select().from(s.botUsers).where(eq(s.botUsers.tenantId, 'gone'))).toEqual([]);
    expect(await db.select().from(s.forexSignals).where(eq(s.forexSignals.tenantId, 'gone'))).toEqual([]);
  });
});

describe('unique constraints', () => {
  it('one review per user per strategy', async () => {
    const u = await makeUser();
    const [st] = await t.database.db.insert(s.strategies).values({ creatorId: u.id, name: 'r' }).returning();
    await t.database.db.insert(s.strategyReviews).values({ strategyId: st.id, userId: u.id, rating: 4 });
    await expectUniqueViolation(t.database.db.insert(s.strategyReviews).values({ strategyId: st.id, userId: u.id, rating: 5 }));
  });

  it('one purchase per user per strategy', async () => {
    const u = await makeUser();
    const [st] = await t.database.db.insert(s.strategies).values({ creatorId: u.id, name: 'p' }).returning();
    await t.database.db.insert(s.strategyPurchases).values({ strategyId: st.id, userId: u.id, price: d('1') });
    await expectUniqueViolation(t.database.db.insert(s.strategyPurchases).values({ strategyId: st.id, userId: u.id, price: d('1') }));
  });

  it('one exchange connection per exchange per user', async () => {
    const u = await makeUser();
    const row = { userId: u.id, exchange: 'okx', encryptedApiKey: 'a', encryptedSecretKey: 'b' };
    await t.database.db.insert(s.exchangeConnections).values(row);
    await expectUniqueViolation(t.database.db.insert(s.exchangeConnections).values(row));
  });

  it('one known device per fingerprint per user', async () => {
    const u = await makeUser();
    const row = { userId: u.id, deviceFingerprint: 'f', deviceName: 'n', ipAddress: '1.1.1.1' };
    await t.database.db.insert(s.knownDevices).values(row);
    await expectUniqueViolation(t.database.db.insert(s.knownDevices).values(row));
  });

  it('emails unique where present, many users without one', async () => {
    await makeUser('same@example.com');
    await expectUniqueViolation(makeUser('same@example.com'));
    await makeUser();
    await makeUser();
  });

  it('a referred user is referred once, and codes are unique', async () => {
    const a = await makeUser();
    const b = await makeUser();
    const c = await makeUser();
    await t.database.db.insert(s.referrals).values({ referrerId: a.id, referredId: b.id, code: 'R1' });
    await expectUniqueViolation(t.database.db.insert(s.referrals).values({ referrerId: c.id, referredId: b.id, code: 'R2' }));
    await expectUniqueViolation(t.database.db.insert(s.referrals).values({ referrerId: a.id, referredId: c.id, code: 'R1' }));
  });

  it.each([
    ['executions.execution_id', async () => {
      const u = await makeUser();
      const bot = await makeBot(u.id, 'ex');
      const row = { botId: bot.id, executionId: 'dup-exec', signal: 'BUY', confidence: d('1'), reason: 'r', price: d('1'), status: 'success' };
      await t.database.db.insert(s.executions).values(row);
      return t.database.db.insert(s.executions).values(row);
    }],
    ['trading_pairs (exchange, symbol)', async () => t.database.db.insert(s.tradingPairs).values({ exchangeId: 'ex_binance', symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT', minOrderSize: d('1'), pricePrecision: 2, quantityPrecision: 2 })],
    ['wallets (user, address, chain)', async () => {
      const u = await makeUser();
      const row = { userId: u.id, address: '0xabc', chain: 'ethereum' };
      await t.database.db.insert(s.wallets).values(row);
      return t.database.db.insert(s.wallets).values(row);
    }],
    ['liquidity_pools (protocol, chain, pair)', async () => {
      const row = { protocol: 'uniswap', chain: 'ethereum', pair: 'ETH/USDT', token0: 'ETH', token1: 'USDT', tvl: d('1'), apy: d('1'), volume24h: d('1') };
      await t.database.db.insert(s.liquidityPools).values(row);
      return t.database.db.insert(s.liquidityPools).values(row);
    }],
    ['historical_datasets (symbol, timeframe, start, end)', async () => {
      const row = { symbol: 'BTC/USDT', timeframe: '1m', startDate: new Date('2026-01-01'), endDate: new Date('2026-01-02'), candleCount: 0, candles: [] };
      await t.database.db.insert(s.historicalDatasets).values(row);
      return t.database.db.insert(s.historicalDatasets).values(row);
    }],
    ['blocked_ips.ip_address', async () => {
      await t.database.db.insert(s.blockedIps).values({ ipAddress: '9.9.9.9', reason: 'x' });
      return t.database.db.insert(s.blockedIps).values({ ipAddress: '9.9.9.9', reason: 'y' });
    }],
    ['bot_users (tenant, chat)', async () => {
      await t.database.db.insert(s.botUsers).values({ tenantId: 'default', chatId: 42 });
      return t.database.db.insert(s.botUsers).values({ tenantId: 'default', chatId: 42 });
    }],
    ['forex_config (tenant, key)', async () => {
      await t.database.db.insert(s.forexConfig).values({ tenantId: 'default', settingKey: 'rsi_oversold', settingValue: '30' });
      return t.database.db.insert(s.forexConfig).values({ tenantId: 'default', settingKey: 'rsi_oversold', settingValue: '25' });
    }],
    ['telegram_subscriptions (tenant, email)', async () => {
      await t.database.db.insert(s.telegramSubscriptions).values({ tenantId: 'default', email: 'v@x.io' });
      return t.database.db.insert(s.telegramSubscriptions).values({ tenantId: 'default', email: 'v@x.io' });
    }],
    ['daily_tracking (user, date)', async () => {
      const u = await makeUser();
      await t.database.db.insert(s.dailyTracking).values({ userId: u.id, tradeDate: '2026-03-02' });
      return t.database.db.insert(s.dailyTracking).values({ userId: u.id, tradeDate: '2026-03-02' });
    }],
    ['journal_trades broker dedup (user, connection, external id)', async () => {
      const u = await makeUser();
      const [c] = await t.database.db.insert(s.brokerConnections).values({ userId: u.id, brokerType: 'tradovate', authType: 'oauth', displayName: 'main' }).returning();
      await t.database.db.insert(s.journalTrades).values({ userId: u.id, sourceConnectionId: c.id, externalId: 'T1' });
      return t.database.db.insert(s.journalTrades).values({ userId: u.id, sourceConnectionId: c.id, externalId: 'T1' });
    }],
    ['platform_link_codes.code', async () => {
      const u = await makeUser();
      const row = { userId: u.id, platform: 'telegram', code: 'VGL-ABCD', expiresAt: new Date('2030-01-01') };
      await t.database.db.insert(s.platformLinkCodes).values(row);
      return t.database.db.insert(s.platformLinkCodes).values(row);
    }],
    ['users.telegram_chat_id where present', async () => {
      await t.database.db.insert(s.users).values({ telegramChatId: '777' });
      return t.database.db.insert(s.users).values({ telegramChatId: '777' });
    }],
    ['subscriptions.stripe_subscription_id', async () => {
      const u = await makeUser();
      const row = { userId: u.id, status: 'active', expiresAt: new Date('2030-01-01'), stripeSubscriptionId: 'sub_1' };
      await t.database.db.insert(s.subscriptions).values(row);
      return t.database.db.insert(s.subscriptions).values(row);
    }],
    ['user_coupons (user, coupon)', async () => {
      const u = await makeUser();
      const [c] = await t.database.db.insert(s.coupons).values({ code: 'SAVE10', discountPercent: 10 }).returning();
      await t.database.db.insert(s.userCoupons).values({ userId: u.id, couponId: c.id });
      return t.database.db.insert(s.userCoupons).values({ userId: u.id, couponId: c.id });
    }],
  ])('%s', async (_name, attempt) => {
    await expectUniqueViolation(attempt());
  });
});

describe('enumerations are check constraints', () => {
  it('rejects a bot status outside the seed values', async () => {
    const u = await makeUser();
    await expect(t.database.db.insert(s.bots).values({ userId: u.id, name: 'bad', status: 'running' })).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23514' }),
    });
  });

  it('rejects a rating outside 1..5', async () => {
    const u = await makeUser();
    const [st] = await t.database.db.insert(s.strategies).values({ creatorId: u.id, name: 'rt' }).returning();
    await expect(t.database.db.insert(s.strategyReviews).values({ strategyId: st.id, userId: u.id, rating: 6 })).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23514' }),
    });
  });
});
