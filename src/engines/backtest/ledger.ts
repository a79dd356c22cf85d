import { Decimal, ZERO } from '../../shared/money.ts';
import type { PaperFill } from '../fills/types.ts';
import type { BacktestTrade } from './types.ts';

interface OpenTrade {
  side: 'long' | 'short';
  entryTime: number;
  entryIndex: number;
  entryQuantity: Decimal;
  entryNotional: Decimal;
  exitQuantity: Decimal;
  exitNotional: Decimal;
  fees: Decimal;
  open: Decimal;
  fills: number;
}

/**
 * Turns fills into round trips per positionTag: a trade starts when a position leaves flat and
 * ends when it is flat again, however many partial entries and exits it had (DCA safety orders,
 * several signal targets).
 */
export class TradeLedger {
  readonly trades: BacktestTrade[] = [];
  private readonly open = new Map<string, OpenTrade>();

  record(fill: PaperFill, index: number): BacktestTrade | null {
    let trade = this.open.get(fill.positionTag);
    if (!trade) {
      trade = {
        side: fill.side === 'buy' ? 'long' : 'short', entryTime: fill.time, entryIndex: index,
        entryQuantity: ZERO, entryNotional: ZERO, exitQuantity: ZERO, exitNotional: ZERO, fees: ZERO, open: ZERO, fills: 0,
      };
      this.open.set(fill.positionTag, trade);
    }
    const entering = (fill.side === 'buy') === (trade.side === 'long');
    const notional = fill.price.mul(fill.quantity);
    trade.fills++;
    trade.fees = trade.fees.add(fill.fee);
    if (entering) {
      trade.entryQuantity = trade.entryQuantity.add(fill.quantity);
      trade.entryNotional = trade.entryNotional.add(notional);
      trade.open = trade.open.add(fill.quantity);
      return null;
    }
    trade.exitQuantity = trade.exitQuantity.add(fill.quantity);
    trade.exitNotional = trade.exitNotional.add(notional);
    trade.open = trade.open.sub(fill.quantity);
    if (trade.open.gt(0)) return null;
    this.open.delete(fill.positionTag);
    const gross = trade.side === 'long' ? trade.exitNotional.sub(trade.entryNotional) : trade.entryNotional.sub(trade.exitNotional);
    const pnl = gross.sub(trade.fees);
    const closed: BacktestTrade = {
      positionTag: fill.positionTag, side: trade.side, entryTime: trade.entryTime, exitTime: fill.time,
      entryIndex: trade.entryIndex, exitIndex: index,
      entryPrice: trade.entryNotional.div(trade.entryQuantity), exitPrice: trade.exitNotional.div(trade.exitQuantity),
      quantity: trade.entryQuantity, pnl, fees: trade.fees,
      returnPct: pnl.div(trade.entryNotional).toNumber(), closeReason: fill.closeReason ?? null, fills: trade.fills,
    };
    this.trades.push(closed);
    return closed;
  }

  openPositionTags(): string[] {
    return [...this.open.keys()];
  }

  isOpen(positionTag: string): boolean {
    return this.open.has(positionTag);
  }
}
