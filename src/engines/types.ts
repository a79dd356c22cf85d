/**
 * The contract between the pure engines and everything that runs them (the live runner in
 * services/, the backtester in engines/backtest). Engines import nothing of ours but this
 * file and shared/money.ts.
 *
 * Rules for every engine:
 * - pure: time, prices and state come in as arguments; no clock, no randomness, no I/O;
 * - state is JSON-serializable (plain objects, arrays, strings, numbers, booleans, null);
 *   Decimal values inside state are stored as strings, so the runner can keep it in jsonb;
 * - money that leaves the engine (order quantities and prices) is Decimal, rounded to the
 *   pair's precision only when the order is formed;
 * - decide() owns the state it is given: it may update that object in place and returns the
 *   state to persist (the backtester relies on this to avoid a copy per candle). A caller that
 *   needs the previous state afterwards keeps its own copy (structuredClone, or the jsonb row).
 */
import type { z } from 'zod';
import type { Decimal } from '../shared/money.ts';

export const BOT_TYPES = ['ai', 'signal', 'dca', 'grid', 'arbitrage', 'pump_screener', 'scalping', 'combo'] as const;
export type BotType = (typeof BOT_TYPES)[number];

/** One OHLCV bar; `time` is the bar's open time in epoch milliseconds (UTC). */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Columnar candles for batch work (indicators, backtests over millions of bars). */
export interface CandleSeries {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export type Timeframe = '1m' | '3m' | '5m' | '15m' | '30m' | '1h' | '2h' | '4h' | '6h' | '12h' | '1d' | '1w';

/** Precision and limits of a trading pair (the trading_pairs row). */
export interface PairRules {
  symbol: string; // e.g. 'BTC/USDT'
  base: string;
  quote: string;
  pricePrecision: number; // decimal places
  quantityPrecision: number; // decimal places
  minOrderSize: Decimal; // in base units
  maxOrderSize?: Decimal | null;
  minNotional?: Decimal | null; // in quote units, when the venue has one
}

export interface Fees {
  makerRate: Decimal; // e.g. 0.001 = 0.1 %
  takerRate: Decimal;
}

export type OrderSide = 'buy' | 'sell';
export type OrderType = 'market' | 'limit' | 'stop_loss' | 'take_profit';
export type CloseReason = 'STOP_LOSS' | 'TAKE_PROFIT' | 'SIGNAL' | 'BOT_STOPPED' | 'MANUAL';

export interface BookLevel {
  price: number;
  amount: number;
}
export interface OrderBook {
  venue: string; // exchange name
  symbol: string;
  bids: BookLevel[]; // best first
  asks: BookLevel[]; // best first
  time: number;
}

/** A fill of one of the bot's own orders, reported back to the engine on the next decision. */
export interface Fill {
  tag: string; // the OrderIntent.tag it belongs to
  side: OrderSide;
  price: Decimal;
  quantity: Decimal;
  fee: Decimal; // in quote currency
  time: number;
}

/** Everything an engine may look at for one decision. */
export interface MarketSnapshot {
  time: number; // decision time, epoch ms
  symbol: string;
  /** Closed candles, oldest first, enough for the engine's warm-up (engine.warmupCandles). */
  candles: Candle[];
  /** Last traded price (the forming candle's close when live). */
  price: number;
  pair: PairRules;
  fees: Fees;
  /** Free balances available to this bot, in base and quote units. */
  balances: { base: Decimal; quote: Decimal };
  /** Fills of this bot's orders since the previous decision. */
  fills: Fill[];
  /** Tags of this bot's orders still open on the venue. */
  openOrderTags: string[];
  /** Order books by venue (arbitrage); optional elsewhere. */
  books?: Record<string, OrderBook>;
  /** External signals delivered to this bot since the previous decision (signal bots). */
  signals?: ExternalSignal[];
  /** Other symbols' recent candles (pump screener watches many symbols). */
  universe?: Record<string, Candle[]>;
}

/** A normalized external signal (from a webhook, a channel message or TradingView). */
export interface ExternalSignal {
  id: string;
  symbol: string; // 'BTC/USDT'
  direction: 'long' | 'short';
  entries: Decimal[]; // one or more entry prices (a zone is split into entries)
  entryType?: 'market' | 'limit' | 'breakout_above' | 'breakout_below';
  targets: Decimal[]; // take-profit prices, TP1 first
  stopLoss: Decimal | null;
  leverage?: number | null;
  time: number;
  /** 'exit' (a TradingView strategy alert that flattens the position): close the trades in `direction`. Default 'entry'. */
  kind?: 'entry' | 'exit';
}

/** What an engine wants done. The runner turns intents into orders with idempotency keys. */
export type Intent =
  | {
      kind: 'place_order';
      /** Unique within the bot's life (e.g. 'deal-3:so-2'); the runner derives the client order id from it. */
      tag: string;
      side: OrderSide;
      type: OrderType;
      quantity: Decimal; // base units, already rounded to the pair's quantity precision
      price?: Decimal; // limit / trigger price, rounded to the pair's price precision
      /** The round trip this order belongs to (a DCA deal, a grid level, a signal trade). */
      positionTag: string;
      /** How the order changes that position. */
      effect: 'open' | 'increase' | 'reduce' | 'close';
      closeReason?: CloseReason;
      /** Stop loss / take profit the position should carry after this order (shown to the user, checked each tick). */
      stopLoss?: Decimal | null;
      takeProfit?: Decimal | null;
      /**
       * Optional (added by engines-core): size the order when it fills, as this fraction of the
       * free equity at the fill price (fees included); `quantity` is then the estimate at
       * decision time. The paper book does this exactly; a live runner sizes from the free
       * balance just before sending the order.
       */
      equityFraction?: Decimal;
      reason: string;
    }
  | { kind: 'cancel_order'; tag: string; reason: string }
  | {
      kind: 'pump_detection';
      symbol: string;
      priceChange: Decimal; // percent
      volumeChange: Decimal; // percent
      currentPrice: Decimal;
      volume24h?: Decimal | null;
      confidence: 'high' | 'medium' | 'low';
    }
  | {
      /** Arbitrage: two orders that must be placed together on two venues. */
      kind: 'paired_orders';
      tag: string;
      buy: { venue: string; price: Decimal; quantity: Decimal };
      sell: { venue: string; price: Decimal; quantity: Decimal };
      expectedProfit: Decimal; // quote units, after fees
      reason: string;
    };

/** The decision record of one cycle: exactly the fields of the `executions` table. */
export interface Decision {
  signal: 'BUY' | 'SELL' | 'HOLD';
  confidence: number; // 0..100
  reason: string; // human-readable
  price: number;
  indicators: Record<string, number | string | null>;
}

export interface DecideResult<S> {
  intents: Intent[];
  state: S;
  decision: Decision;
}

/**
 * One engine per bot type. `configSchema` is a zod schema whose error messages name the field
 * and its allowed range; `decide` is pure.
 */
export interface StrategyEngine<C = unknown, S = unknown> {
  type: BotType;
  configSchema: z.ZodType<C>;
  /** Closed candles the engine needs before it can decide. */
  warmupCandles(config: C): number;
  initialState(config: C): S;
  decide(state: S, market: MarketSnapshot, config: C): DecideResult<S>;
}
