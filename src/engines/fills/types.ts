import type { Decimal } from '../../shared/money.ts';
import type { CloseReason, OrderSide, OrderType } from '../types.ts';

/** How paper orders fill against candles. The rules are described in docs/adr/0002-backtest-fill-rules.md. */
export interface FillRules {
  /** Market orders fill at the next candle's open moved against the trader by this much (basis points). */
  slippageBps: number;
  /** 'through' (default): a limit fills only when price trades beyond it; 'touch': reaching it is enough. */
  limitFill: 'through' | 'touch';
  /** Allow a negative base balance (short selling on margin). Spot venues: false. */
  allowShort: boolean;
}

export const DEFAULT_FILL_RULES: FillRules = { slippageBps: 0, limitFill: 'through', allowShort: false };

/** An order resting in the paper book. */
export interface PaperOrder {
  seq: number;
  tag: string;
  side: OrderSide;
  type: OrderType;
  quantity: Decimal;
  price: Decimal | null;
  /** The limit/trigger price as a float, for fast trigger checks on every candle. */
  priceNum: number;
  positionTag: string;
  effect: 'open' | 'increase' | 'reduce' | 'close';
  closeReason?: CloseReason;
  equityFraction?: Decimal;
  /** Candle index at which it was placed; it may fill from the next candle on. */
  placedAt: number;
}

/** An executed paper fill: the engine-facing Fill plus what the ledger needs. */
export interface PaperFill {
  tag: string;
  side: OrderSide;
  price: Decimal;
  quantity: Decimal;
  fee: Decimal;
  time: number;
  positionTag: string;
  effect: PaperOrder['effect'];
  closeReason?: CloseReason;
  orderType: OrderType;
  maker: boolean;
}

/** Why an order was dropped without a fill (an expected outcome, not an error). */
export interface PaperRejection {
  tag: string;
  time: number;
  reason: 'below_min_size' | 'below_min_notional' | 'above_max_size' | 'insufficient_balance' | 'no_open_position' | 'zero_quantity' | 'duplicate_tag';
}

/** Balances of a paper account. `base` is signed: negative is a short position. */
export interface PaperBalances {
  quote: Decimal;
  base: Decimal;
}
