/** A small, deterministic world for the browser test and its screenshots. */
import * as s from '../../../src/db/schema/index.ts';
import { Decimal } from '../../../src/shared/money.ts';
import type { TestContext } from '../../helpers/db.ts';

export async function seedConsoleWorld(t: TestContext) {
  const db = t.database.db;
  const now = t.clock.now();
  const day = 86_400_000;
  const people = [
    { email: 'maya.chen@example.test', fullName: 'Maya Chen', telegramChatId: '70010001' },
    { email: 'omar.haddad@example.test', fullName: 'Omar Haddad', discordUserId: '880000000000000001' },
    { email: 'lena.fischer@example.test', fullName: 'Lena Fischer', telegramChatId: '70010003' },
    { email: 'ravi.iyer@example.test', fullName: 'Ravi Iyer', telegramChatId: '70010004', status: 'suspended', suspendedUntil: new Date(now.getTime() + 5 * day), suspendedReason: 'chargeback' },
  ];
  const users = await db.insert(s.users).values(people.map((p, i) => ({ ...p, createdAt: new Date(now.getTime() - (40 - i) * day) }))).returning();
  const [maya, omar, lena] = users;
  const bots = await db
    .insert(s.bots)
    .values([
      { userId: maya.id, name: 'BTC grid', type: 'grid', status: 'active', tradingPair: 'BTC/USDT', profit: new Decimal('412.37'), profitPercentage: new Decimal('4.12'), totalTrades: 86, winningTrades: 61, losingTrades: 25 },
      { userId: maya.id, name: 'ETH DCA', type: 'dca', status: 'paused', tradingPair: 'ETH/USDT', profit: new Decimal('-37.80'), profitPercentage: new Decimal('-1.26'), totalTrades: 14, winningTrades: 6, losingTrades: 8 },
      { userId: omar.id, name: 'Signal follower', type: 'signal', status: 'active', tradingPair: 'SOL/USDT', profit: new Decimal('128.05'), profitPercentage: new Decimal('2.56'), totalTrades: 31, winningTrades: 19, losingTrades: 12 },
      { userId: lena.id, name: 'Scalper', type: 'scalping', status: 'error', tradingPair: 'BNB/USDT', errorMessage: 'Exchange rejected the order: insufficient balance', totalTrades: 3, winningTrades: 1, losingTrades: 2 },
    ])
    .returning();
  const trades = [];
  for (let d = 13; d >= 0; d--) {
    const count = 3 + ((d * 7) % 5);
    for (let k = 0; k < count; k++) {
      const at = new Date(now.getTime() - d * day - (k + 1) * 1_800_000);
      const price = new Decimal(60000 + ((d * 131 + k * 17) % 900));
      const qty = new Decimal('0.0' + (2 + ((d + k) % 6)));
      const pnl = new Decimal(((d * 37 + k * 11) % 40) - 14).mul('1.25');
      trades.push({ userId: maya.id, botId: bots[0].id, symbol: 'BTCUSDT', side: 'SELL', price, quantity: qty, executedPrice: price, profitLoss: pnl, executedAt: at });
    }
  }
  await db.insert(s.trades).values(trades);
  const [provider] = await db.insert(s.signalProviders).values({ name: 'TradingView: BTC breakout', type: 'webhook', reliability: new Decimal('71.5'), ownerUserId: omar.id }).returning();
  await db.insert(s.signals).values([
    { providerId: provider.id, symbol: 'BTCUSDT', action: 'BUY', price: new Decimal('60420'), stopLoss: new Decimal('59100'), takeProfit: new Decimal('62900'), processed: true, createdAt: new Date(now.getTime() - 3_600_000), idempotencyKey: 'fx-1', rawBody: 'BTCUSDT buy 60420 sl 59100 tp 62900' },
    { providerId: provider.id, symbol: 'SOLUSDT', action: 'SELL', price: new Decimal('142.8'), processed: false, createdAt: new Date(now.getTime() - 600_000), idempotencyKey: 'fx-2', rawBody: 'SOLUSDT sell 142.8' },
    { providerId: provider.id, status: 'rejected', format: 'text', rejectReason: 'This is not a complete signal. Missing: the full pair, e.g. \'BTC/USDT\'.', processed: true, createdAt: new Date(now.getTime() - 300_000), idempotencyKey: 'fx-3', rawBody: 'gm, big moves today' },
  ]);
  const [ticket] = await db
    .insert(s.supportTickets)
    .values({ userId: lena.id, subject: 'Scalper bot stopped with an error', category: 'technical', priority: 'high', createdAt: new Date(now.getTime() - 2 * 3_600_000) })
    .returning();
  await db.insert(s.ticketMessages).values({ ticketId: ticket.id, userId: lena.id, content: 'My scalper says "insufficient balance" but I have 500 USDT on the paper account. What happened?', createdAt: ticket.createdAt });
  await db.insert(s.supportTickets).values({ userId: omar.id, subject: 'Invoice for March', category: 'billing', priority: 'normal', createdAt: new Date(now.getTime() - 5 * 3_600_000) });
  await db.insert(s.tenants).values({ id: 'goldsignals', name: 'Gold Signals VIP' }).onConflictDoNothing();
  await db.insert(s.tenantUsers).values({ tenantId: 'goldsignals', userId: omar.id, role: 'admin' });
  await db.insert(s.campaigns).values({ tenantId: 'goldsignals', title: 'March VIP giveaway', startDate: '2026-03-01', endDate: '2026-03-31', prize: '3 months VIP', status: 'active' });
  return { maya, omar, lena, ticket, bots };
}
