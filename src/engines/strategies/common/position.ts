import { Decimal } from '../../../shared/money.ts';
import { decimalToNumber } from '../../fills/rounding.ts';
import type { Candle, CloseReason, Intent, MarketSnapshot } from '../../types.ts';
import { cancel, formOrder, quantityForQuote } from './orders.ts';

/**
 * One long position at a time, for the signal-driven engines (ai, scalping, pump screener):
 * a market entry sized as a share of the free quote; once filled, a resting take-profit
 * (reduce-only, the only order the position keeps on the venue) and a stop watched here on
 * closed candles (the entry candle included: it filled at the open), which sends a market close. Money is Decimal strings; prices compared on
 * every candle are floats.
 */
export interface SinglePosition {
  seq: number;
  status: 'flat' | 'opening' | 'open' | 'closing';
  quantity: string;
  entryPrice: number | null;
  stop: number | null;
  takeProfit: number | null;
  openedAt: number | null;
  /** Set when a fill on the way up moved the stop during that candle: then it is watched from the next candle. */
  stopSince: number | null;
  heldCandles: number;
}

export interface ExitPlan {
  stopLossPercent?: number;
  takeProfitPercent?: number;
}

export function flatPosition(): SinglePosition {
  return { seq: 0, status: 'flat', quantity: '0', entryPrice: null, stop: null, takeProfit: null, openedAt: null, stopSince: null, heldCandles: 0 };
}

const tags = (seq: number) => ({ position: `p-${seq}`, open: `p-${seq}:open`, tp: `p-${seq}:tp`, close: `p-${seq}:close` });

/** Applies fills and returns orders that follow from them (the take-profit after the entry fills). */

export function applyPositionFills(p: SinglePosition, market: MarketSnapshot, plan: ExitPlan): Intent[] {
  // Most candles: nothing filled and nothing in flight — no Decimal work at all.
  if (p.status === 'flat' || (p.status === 'open' && market.fills.length === 0)) return [];
  const t = tags(p.seq);
  const out: Intent[] = [];
  let quantity = new Decimal(p.quantity);
  for (const f of market.fills) {
    if (f.tag === t.open) {
      quantity = quantity.add(f.quantity);
      p.status = 'open';
      p.entryPrice = decimalToNumber(f.price);
      p.openedAt = f.time;
      p.stop = plan.stopLossPercent ? p.entryPrice * (1 - plan.stopLossPercent / 100) : null;
      p.takeProfit = plan.takeProfitPercent ? p.entryPrice * (1 + plan.takeProfitPercent / 100) : null;
    } else if (f.tag === t.tp || f.tag === t.close) {
      quantity = quantity.sub(f.quantity);
    }
  }
  if (market.fills.length) p.quantity = quantity.toFixed();
  if (p.status === 'open' && market.fills.some((f) => f.tag === t.open) && p.takeProfit !== null) {
    const tp = formOrder({
      tag: t.tp, side: 'sell', type: 'take_profit', quantity, price: new Decimal(p.takeProfit), positionTag: t.position,
      effect: 'close', closeReason: 'TAKE_PROFIT', reason: `take profit ${plan.takeProfitPercent}% above the entry`,
    }, market.pair, 'up');
    if (tp) out.push(tp);
  }
  const entryRefused = p.status === 'opening' && !market.openOrderTags.includes(t.open);
  const closed = p.status !== 'opening' && quantity.lte(0) && market.fills.length > 0;
  if (entryRefused || closed) Object.assign(p, flatPosition(), { seq: p.seq });
  // A refused close leaves the position open; the stop check will try again.
  else if (p.status === 'closing' && !market.openOrderTags.includes(t.close) && !market.fills.some((f) => f.tag === t.close)) p.status = 'open';
  return out;
}

/** Market entry for `sharePercent` of the free quote at about the last price; null when too small. */
export function openPosition(p: SinglePosition, market: MarketSnapshot, sharePercent: number, reason: string): Intent | null {
  const price = new Decimal(market.price);
  const quantity = quantityForQuote(market.balances.quote.mul(sharePercent).div(100), price, market.pair);
  const t = tags(p.seq + 1);
  const order = formOrder({ tag: t.open, side: 'buy', type: 'market', quantity, positionTag: t.position, effect: 'open', reason, referencePrice: price }, market.pair);
  if (!order) return null;
  p.seq++;
  p.status = 'opening';
  p.quantity = '0';
  p.heldCandles = 0;
  return order;
}

/** Cancels the resting target and closes the whole position at market. */
export function closePosition(p: SinglePosition, reason: CloseReason, why: string): Intent[] {
  const t = tags(p.seq);
  p.status = 'closing';
  return [
    ...(p.takeProfit !== null ? [cancel(t.tp, why)] : []),
    { kind: 'place_order', tag: t.close, side: 'sell', type: 'market', quantity: new Decimal(p.quantity), positionTag: t.position, effect: 'close', closeReason: reason, reason: why },
  ];
}

/** The stop watched on the closed candle: its low reached the stop. */
export function stopReached(p: SinglePosition, candle: Candle): boolean {
  return p.status === 'open' && p.stop !== null && (p.stopSince === null || candle.time > p.stopSince) && candle.low <= p.stop;
}
