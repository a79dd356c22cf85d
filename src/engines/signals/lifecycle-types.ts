/**
 * Types of the signal lifecycle (PromoStack forex_signals: ACTIVE → TP1_HIT → TP2_HIT → TP3_HIT,
 * STOPPED or CLOSED). Rules are in docs/signal-lifecycle.md.
 */
import type { Decimal } from '../../shared/money.ts';
import type { Candle } from '../types.ts';
import type { TrailingStopRule } from './trailing-stop.ts';

/** forex_signals.status; PENDING only when the entry is a limit order not yet filled. */
export type SignalStatus = 'PENDING' | 'ACTIVE' | `TP${number}_HIT` | 'STOPPED' | 'CLOSED';

export type SignalCloseReason =
  | 'all_targets' // the last target was hit
  | 'stop' // the stop was hit before any target (status STOPPED)
  | 'stop_after_take_profit' // the (moved) stop was hit after a target (status CLOSED)
  | 'expired' // the signal's time ran out (status CLOSED)
  | 'manual' // closed by hand at a given price (status CLOSED)
  | 'cancelled_before_entry'; // a target was hit before the limit entry filled (status CLOSED)

export interface LifecycleSignal {
  direction: 'long' | 'short' | 'BUY' | 'SELL';
  entry: Decimal;
  stopLoss: Decimal;
  takeProfits: Decimal[]; // TP1 first; PromoStack uses three
  /** Price of one pip: 0.0001 for EUR/USD, 0.01 for USD/JPY, 0.1 for XAU/USD (as the tenant sets it). */
  pipSize: Decimal;
  openedAt: number; // epoch ms
}

export interface LifecycleOptions {
  /** Move the stop to the entry after this target (1 = TP1); null never. Default 1. Ignored when `trailing` is set. */
  breakevenAfterTp?: number | null;
  trailing?: TrailingStopRule;
  /** Fraction of the position closed at each target, TP1 first, adding up to 1. Default: equal parts. */
  closeShares?: Decimal[];
  /** 'immediate' (default): filled at the entry price at openedAt. 'limit': waits for the price to reach the entry. */
  entryMode?: 'immediate' | 'limit';
  /** The signal ends at the open of the first bar at or after this time. */
  expiresAt?: number | null;
  /** Closed by hand at this time and price. */
  manualClose?: { time: number; price: Decimal } | null;
}

/** A tick is a bar whose open, high, low and close are one price. */
export type PricePoint = Candle | { time: number; price: number };

export type LifecycleEventKind = 'entry_filled' | 'tp_hit' | 'stop_moved' | 'stop_hit' | 'expired' | 'manual_close' | 'cancelled';

export interface LifecycleEvent {
  kind: LifecycleEventKind;
  status: SignalStatus; // the status after the event
  time: number;
  price: Decimal; // the level hit (or the fill price on a gap), or the new stop for stop_moved
  targetIndex?: number; // 1-based, for tp_hit
  /** Distance from entry in pips and percent, positive in the trade's favour (0 for stop_moved). */
  pips: Decimal;
  pct: Decimal;
  /** The bar opened beyond the level, so the fill is the open, not the level. */
  gap?: boolean;
  /** An expiry or manual close of a limit entry that never filled (nothing was traded). */
  beforeEntry?: boolean;
}

export interface LifecycleResult {
  status: SignalStatus;
  closed: boolean;
  closedAt: number | null;
  closeReason: SignalCloseReason | null;
  events: LifecycleEvent[];
  stopLoss: Decimal; // the stop in force at the end
  targetsHit: number;
  /** Realized result: each closed part's pips and % weighted by its share of the position. */
  pips: Decimal;
  pct: Decimal;
  /** Share of the position still open (0 when closed). */
  openShare: Decimal;
}
