/**
 * Turns fills into round trips. Positions are keyed by the engine's positionTag; a fill with
 * effect open/increase adds at a weighted average entry, reduce/close realises P&L. All money is
 * Decimal. P&L is net of every fee paid on the round trip (entry and exit).
 */
import { Decimal, ZERO } from '../../shared/money.ts';
import type { CloseReason, OrderSide } from '../../engines/types.ts';

export interface LedgerFill {
  tag: string;
  positionTag: string;
  effect: 'open' | 'increase' | 'reduce' | 'close';
  side: OrderSide;
  price: Decimal;
  quantity: Decimal;
  fee: Decimal;
  time: number;
  closeReason?: CloseReason;
}

export interface LedgerPosition {
  id: string | null; // null until persisted
  tag: string;
  side: 'BUY' | 'SELL';
  quantity: Decimal; // open quantity, always positive
  entryPrice: Decimal;
  openedQuantity: Decimal; // everything ever added, for the return %
  entryNotional: Decimal;
  fees: Decimal; // entry + exit fees so far
  realizedGross: Decimal; // (exit − entry) × qty × direction, before fees
  exitNotional: Decimal;
  exitQuantity: Decimal;
  entryTime: number;
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
  closed: boolean;
  closeReason: CloseReason | null;
  closedAt: number | null;
}

export interface FillEffect {
  position: LedgerPosition;
  /** Realised P&L attributed to this fill (net of its own fee and of the entry fees once closed). */
  realized: Decimal | null;
  closedNow: boolean;
}

export function applyFill(positions: Map<string, LedgerPosition>, fill: LedgerFill): FillEffect {
  let p = positions.get(fill.positionTag);
  const adding = !p || fill.effect === 'open' || fill.effect === 'increase' || (p.side === 'BUY') === (fill.side === 'buy');
  if (!p || p.closed) {
    p = {
      id: null, tag: fill.positionTag, side: fill.side === 'buy' ? 'BUY' : 'SELL', quantity: ZERO, entryPrice: ZERO,
      openedQuantity: ZERO, entryNotional: ZERO, fees: ZERO, realizedGross: ZERO, exitNotional: ZERO, exitQuantity: ZERO,
      entryTime: fill.time, stopLoss: null, takeProfit: null, closed: false, closeReason: null, closedAt: null,
    };
    positions.set(fill.positionTag, p);
  }
  p.fees = p.fees.add(fill.fee);
  if (adding) {
    const notional = fill.price.mul(fill.quantity);
    p.entryNotional = p.entryNotional.add(notional);
    p.openedQuantity = p.openedQuantity.add(fill.quantity);
    const openNotional = p.entryPrice.mul(p.quantity).add(notional);
    p.quantity = p.quantity.add(fill.quantity);
    p.entryPrice = p.quantity.isZero() ? ZERO : openNotional.div(p.quantity);
    return { position: p, realized: null, closedNow: false };
  }
  const qty = Decimal.min(fill.quantity, p.quantity);
  const direction = p.side === 'BUY' ? 1 : -1;
  p.realizedGross = p.realizedGross.add(fill.price.sub(p.entryPrice).mul(qty).mul(direction));
  p.exitNotional = p.exitNotional.add(fill.price.mul(qty));
  p.exitQuantity = p.exitQuantity.add(qty);
  p.quantity = p.quantity.sub(qty);
  const closedNow = p.quantity.isZero();
  if (closedNow) {
    p.closed = true;
    p.closeReason = fill.closeReason ?? 'SIGNAL';
    p.closedAt = fill.time;
  }
  return { position: p, realized: closedNow ? netPnl(p) : null, closedNow };
}

/** Net P&L of a round trip so far: gross realised minus every fee paid. */
export function netPnl(p: LedgerPosition): Decimal {
  return p.realizedGross.sub(p.fees);
}

export function pnlPercent(p: LedgerPosition): Decimal {
  return p.entryNotional.isZero() ? ZERO : netPnl(p).div(p.entryNotional).mul(100);
}

export function averageExit(p: LedgerPosition): Decimal | null {
  return p.exitQuantity.isZero() ? null : p.exitNotional.div(p.exitQuantity);
}

/** Unrealised P&L of the open part at a mark price (fees already paid are not included). */
export function unrealized(p: LedgerPosition, mark: Decimal): Decimal {
  const direction = p.side === 'BUY' ? 1 : -1;
  return mark.sub(p.entryPrice).mul(p.quantity).mul(direction);
}
