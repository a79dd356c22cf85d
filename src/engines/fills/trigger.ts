import type { Candle } from '../types.ts';
import type { FillRules, PaperOrder } from './types.ts';

/**
 * Where on the candle's path an order fills, and whether at the open (a gap or a market order)
 * or at its own price. The intrabar path is open → low → high → close for orders that belong to
 * a long (buys that open it, sells that close it) and open → high → low → close for shorts: the
 * adverse extreme comes first, so a stop and a target inside one candle resolve to the stop.
 */
export interface Trigger {
  /** 0 = open, 1 and 2 = the two extremes in path order, 3 = close. */
  point: number;
  atOpen: boolean;
}

export function isLongSide(order: Pick<PaperOrder, 'side' | 'effect'>): boolean {
  const opening = order.effect === 'open' || order.effect === 'increase';
  return order.side === 'buy' ? opening : !opening;
}

export function findTrigger(order: PaperOrder, candle: Candle, rules: FillRules): Trigger | null {
  if (order.type === 'market') return { point: 0, atOpen: true };
  const long = isLongSide(order);
  const lowPoint = long ? 1 : 2;
  const highPoint = long ? 2 : 1;
  const p = order.priceNum;
  const through = rules.limitFill === 'through';
  const { open, high, low } = candle;
  if (order.type === 'limit' || order.type === 'take_profit') {
    if (order.side === 'buy') {
      if (through ? open < p : open <= p) return { point: 0, atOpen: true };
      return (through ? low < p : low <= p) ? { point: lowPoint, atOpen: false } : null;
    }
    if (through ? open > p : open >= p) return { point: 0, atOpen: true };
    return (through ? high > p : high >= p) ? { point: highPoint, atOpen: false } : null;
  }
  // stop_loss: a sell stop triggers on the way down, a buy stop on the way up; a gap fills at the open.
  if (order.side === 'sell') {
    if (open <= p) return { point: 0, atOpen: true };
    return low <= p ? { point: lowPoint, atOpen: false } : null;
  }
  if (open >= p) return { point: 0, atOpen: true };
  return high >= p ? { point: highPoint, atOpen: false } : null;
}
