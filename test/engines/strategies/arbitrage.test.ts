/** Arbitrage between two books after fees and minimum sizes, worked level by level. */
import { describe, expect, it } from 'vitest';
import { arbitrageEngine } from '../../../src/engines/strategies/index.ts';
import { findOpportunity } from '../../../src/engines/strategies/arbitrage/spread.ts';
import { runBacktest } from '../../../src/engines/backtest/index.ts';
import type { OrderBook } from '../../../src/engines/types.ts';
import { candlesFrom, d, recording, settingsFor, usdtPair } from '../helpers/scenario.ts';

const book = (venue: string, bids: [number, number][], asks: [number, number][]): OrderBook => ({
  venue, symbol: 'BTC/USDT', time: 0, bids: bids.map(([price, amount]) => ({ price, amount })), asks: asks.map(([price, amount]) => ({ price, amount })),
});

describe('spread after fees', () => {
  const a = book('a', [[99.5, 5]], [[100, 2], [100.5, 1]]);
  const b = book('b', [[101, 1.5], [100.8, 1]], [[101.5, 5]]);
  const base = { buyFeeRate: 0.001, sellFeeRate: 0.001, minProfitPercent: 0.1, maxQuote: 1e9, freeQuote: 1e9, freeBase: 1e9, pair: usdtPair() };

  it('takes levels while each unit still clears the fees and the minimum profit', () => {
    // 100 × 1.001 = 100.1 vs 101 × 0.999 = 100.899 (+0.798 %): 1.5; vs 100.8 × 0.999 = 100.6992 (+0.598 %): 0.5;
    // then 100.5 × 1.001 = 100.6005 vs 100.6992: +0.098 % < 0.1 % → stop at 2.0
    const o = findOpportunity({ ...base, asks: a.asks, bids: b.bids })!;
    expect([o.quantity.toFixed(), o.buyPrice.toFixed(), o.sellPrice.toFixed()]).toEqual(['2', '100', '100.8']);
    // sells (1.5 × 101 + 0.5 × 100.8) × 0.999 = 201.6981; buys 200 × 1.001 = 200.2
    expect([o.proceeds.toFixed(), o.cost.toFixed(), o.expectedProfit.toFixed()]).toEqual(['201.6981', '200.2', '1.4981']);
  });

  it('respects the quote cap and the base inventory, truncated to the precision', () => {
    const capped = findOpportunity({ ...base, asks: a.asks, bids: b.bids, maxQuote: 50 })!;
    expect(capped.quantity.toFixed()).toBe('0.499'); // 50 / 100.1 = 0.4995… → 0.499
    expect(findOpportunity({ ...base, asks: a.asks, bids: b.bids, freeBase: 0.7 })!.quantity.toFixed()).toBe('0.7');
  });

  it('nothing when the spread does not cover the fees or the size is under the minimum', () => {
    expect(findOpportunity({ ...base, asks: b.asks, bids: a.bids })).toBeNull();
    expect(findOpportunity({ ...base, asks: a.asks, bids: b.bids, freeBase: 0.0005 })).toBeNull();
  });
});

describe('arbitrage engine', () => {
  it('emits one paired order on the profitable direction and books it when both legs fill', () => {
    const { engine, log } = recording(arbitrageEngine);
    const books = { a: book('a', [[99.5, 5]], [[100, 2], [100.5, 1]]), b: book('b', [[101, 1.5], [100.8, 1]], [[101.5, 5]]) };
    const r = runBacktest(engine, { venues: ['a', 'b'], maxTradeQuote: 1e6, minProfitPercent: 0.1, venueTakerFees: { a: 0.001, b: 0.001 } }, candlesFrom([100]),
      settingsFor({ initialBase: d(10), fees: { makerRate: d('0.001'), takerRate: d('0.001') }, feed: () => ({ books }) }));
    const paired = log[0].intents[0] as any;
    expect([paired.kind, paired.buy.venue, paired.sell.venue, paired.buy.quantity.toFixed(), paired.expectedProfit.toFixed()]).toEqual(['paired_orders', 'a', 'b', '2', '1.4981']);
    expect(log[0].decision.signal).toBe('BUY');
    // In the backtest both legs fill at their limit prices: 2 × 100.8 × 0.999 − 2 × 100 × 1.001 = 201.3984 − 200.2
    expect(r.trades.map((t) => t.pnl.toFixed())).toEqual(['1.1984']);
  });

  it('waits for both books and names the venues', () => {
    const { engine, log } = recording(arbitrageEngine);
    runBacktest(engine, { venues: ['a', 'b'], maxTradeQuote: 100 }, candlesFrom([100]), settingsFor());
    expect(log[0].decision.reason).toBe('waiting for both order books (a, b)');
    expect(arbitrageEngine.configSchema.safeParse({ venues: ['a', 'a'], maxTradeQuote: 1 }).error?.issues[0].message).toBe('venues must be two different exchanges');
  });
});
