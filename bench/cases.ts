/**
 * One scenario per bot type (config, market extras, balances), used by the benchmark and by
 * test/engines/strategies/registry.test.ts. Extras are built deterministically from the candles:
 * a second venue's book that drifts around the first (arbitrage), a signal every 400 candles
 * (signal bot), a second symbol for the screener to watch.
 */
import { Decimal } from '../src/shared/money.ts';
import type { BacktestSettings, MarketExtras } from '../src/engines/backtest/index.ts';
import type { BotType, Candle, OrderBook } from '../src/engines/types.ts';

export interface EngineCase {
  config: unknown;
  feed?: (index: number, candle: Candle) => MarketExtras | undefined;
  settings?: Partial<BacktestSettings>;
}

const book = (venue: string, mid: number, time: number): OrderBook => ({
  venue, symbol: 'LTC/USDT', time, bids: [{ price: mid * 0.9997, amount: 3 }, { price: mid * 0.999, amount: 10 }], asks: [{ price: mid * 1.0003, amount: 3 }, { price: mid * 1.001, amount: 10 }],
});

/** `price` is a typical price of the data set (grid bounds are set around it). */
export function engineCases(price: number): Record<BotType, EngineCase> {
  const round2 = (x: number) => new Decimal(x).toDecimalPlaces(2);
  return {
    ai: { config: { stopLossPercent: 1, takeProfitPercent: 2 } },
    scalping: { config: {} },
    dca: { config: { baseOrderSize: 100, safetyOrderSize: 100, maxSafetyOrders: 5, activeSafetyOrders: 2, priceDeviationPercent: 0.5, safetyOrderStepScale: 1.5, safetyOrderVolumeScale: 1.5, takeProfitPercent: 0.8, stopLossPercent: 8 } },
    combo: { config: { baseOrderSize: 100, safetyOrderSize: 100, maxSafetyOrders: 4, priceDeviationPercent: 0.5, gridLevels: 4, firstTakeProfitPercent: 0.3, lastTakeProfitPercent: 1.2, stopLossPercent: 8 } },
    grid: { config: { lowerPrice: price * 0.8, upperPrice: price * 1.25, gridLevels: 41, investment: 5000 } },
    pump_screener: {
      config: { windowCandles: 10, priceChangePercent: 0.5, volumeChangePercent: 100, trade: { enabled: true, minConfidence: 'medium' } },
      feed: (i, c) => (i % 10 === 0 ? { universe: { 'ALT/USDT': [{ ...c, time: c.time - 60_000, volume: 1 }, c] } } : undefined),
    },
    signal: {
      config: { split: 'decreasing_exponential', trailing: 'moving_target', maxOpenTrades: 3 },
      feed: (i, c) => (i % 400 === 50 ? { signals: [{
        id: `sig-${i}`, symbol: 'LTC/USDT', direction: 'long', entryType: 'limit', entries: [round2(c.close * 0.998), round2(c.close * 0.995)],
        targets: [1.004, 1.008, 1.015].map((m) => round2(c.close * m)), stopLoss: round2(c.close * 0.98), time: c.time,
      }] } : undefined),
    },
    arbitrage: {
      config: { venues: ['binance', 'kraken'], maxTradeQuote: 500, minProfitPercent: 0.05 },
      // Books every candle; the second venue jumps 0.6 % away for 3 candles in every 500.
      feed: (i, c) => ({ books: { binance: book('binance', c.close, c.time), kraken: book('kraken', c.close * (i % 500 < 3 ? (i % 1000 < 500 ? 1.006 : 0.994) : 1), c.time) } }),
      settings: { initialBase: new Decimal(100) },
    },
  };
}
