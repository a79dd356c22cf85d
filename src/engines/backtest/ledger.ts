import { ZERO, type Decimal } from '../../shared/money.ts';
import { lanes } from '../fills/fixed-point.ts';
import { decimalToNumber } from '../fills/rounding.ts';
import type { PaperFill } from '../fills/types.ts';
import { addExactFill, closeExact, materialize, newExactTrade, openQuantity, type ExactTrade } from './ledger-exact.ts';
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
  /** Price of the only entry / exit fill, which is the average without a division. */
  entryPrice: Decimal | null;
  exitPrice: Decimal | null;
  entryFills: number;
  exitFills: number;
  /** The money in the exact lane (ledger-exact.ts) while it fits; null once the Decimal fields above hold it. */
  exact: ExactTrade | null;
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
        entryPrice: null, exitPrice: null, entryFills: 0, exitFills: 0, exact: lanes.exact ? newExactTrade() : null,
      };
      this.open.set(fill.positionTag, trade);
    }
    const entering = (fill.side === 'buy') === (trade.side === 'long');
    if (trade.exact) {
      if (addExactFill(trade.exact, fill, entering, (entering ? trade.entryFills : trade.exitFills) === 0)) return this.afterExactFill(trade, fill, entering, index);
      leaveExactLane(trade);
    }
    const notional = fill.price.mul(fill.quantity);
    trade.fills++;
    if (!fill.fee.isZero()) trade.fees = trade.fees.add(fill.fee);
    if (entering) {
      trade.entryFills++;
      trade.entryPrice = trade.entryFills === 1 ? fill.price : null;
      trade.entryQuantity = trade.entryFills === 1 ? fill.quantity : trade.entryQuantity.add(fill.quantity);
      trade.entryNotional = trade.entryFills === 1 ? notional : trade.entryNotional.add(notional);
      trade.open = trade.entryQuantity.sub(trade.exitQuantity);
      return null;
    }
    trade.exitFills++;
    trade.exitPrice = trade.exitFills === 1 ? fill.price : null;
    trade.exitQuantity = trade.exitFills === 1 ? fill.quantity : trade.exitQuantity.add(fill.quantity);
    trade.exitNotional = trade.exitFills === 1 ? notional : trade.exitNotional.add(notional);
    trade.open = trade.entryQuantity.sub(trade.exitQuantity);
    if (trade.open.gt(0)) return null;
    return this.close(trade, fill, index);
  }

  private close(trade: OpenTrade, fill: PaperFill, index: number): BacktestTrade {
    this.open.delete(fill.positionTag);
    const gross = trade.side === 'long' ? trade.exitNotional.sub(trade.entryNotional) : trade.entryNotional.sub(trade.exitNotional);
    const pnl = trade.fees.isZero() ? gross : gross.sub(trade.fees);
    const closed: BacktestTrade = {
      positionTag: fill.positionTag, side: trade.side, entryTime: trade.entryTime, exitTime: fill.time,
      entryIndex: trade.entryIndex, exitIndex: index,
      entryPrice: trade.entryPrice ?? trade.entryNotional.div(trade.entryQuantity),
      exitPrice: trade.exitPrice ?? trade.exitNotional.div(trade.exitQuantity),
      quantity: trade.entryQuantity, pnl, fees: trade.fees,
      // A statistic, so a float ratio of the exact amounts is enough (and avoids an 80-digit division).
      returnPct: decimalToNumber(pnl) / decimalToNumber(trade.entryNotional), closeReason: fill.closeReason ?? null, fills: trade.fills,
    };
    this.trades.push(closed);
    return closed;
  }

  private afterExactFill(trade: OpenTrade, fill: PaperFill, entering: boolean, index: number): BacktestTrade | null {
    const t = trade.exact as ExactTrade;
    trade.fills++;
    if (entering) {
      trade.entryFills++;
      trade.entryPrice = trade.entryFills === 1 ? fill.price : null;
      return null;
    }
    trade.exitFills++;
    trade.exitPrice = trade.exitFills === 1 ? fill.price : null;
    if (openQuantity(t) > 0n) return null;
    const money = closeExact(t, trade.side === 'long');
    if (!money) {
      leaveExactLane(trade);
      return this.close(trade, fill, index);
    }
    this.open.delete(fill.positionTag);
    const entryQuantity = t.singleEntryQuantity ?? materialize(t, t.entryQuantity);
    const closed: BacktestTrade = {
      positionTag: fill.positionTag, side: trade.side, entryTime: trade.entryTime, exitTime: fill.time,
      entryIndex: trade.entryIndex, exitIndex: index,
      entryPrice: trade.entryPrice ?? materialize(t, t.entryNotional).div(entryQuantity),
      exitPrice: trade.exitPrice ?? materialize(t, t.exitNotional).div(materialize(t, t.exitQuantity)),
      quantity: entryQuantity, pnl: materialize(t, money.pnl), fees: materialize(t, t.fees),
      returnPct: money.returnPct, closeReason: fill.closeReason ?? null, fills: trade.fills,
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

/** Moves a trade's money from the exact lane to the Decimal fields (same values), for a fill the lane cannot take. */
function leaveExactLane(trade: OpenTrade): void {
  const t = trade.exact as ExactTrade;
  trade.exact = null;
  trade.entryQuantity = t.singleEntryQuantity ?? materialize(t, t.entryQuantity);
  trade.entryNotional = materialize(t, t.entryNotional);
  trade.exitQuantity = materialize(t, t.exitQuantity);
  trade.exitNotional = materialize(t, t.exitNotional);
  trade.fees = materialize(t, t.fees);
  trade.open = materialize(t, openQuantity(t));
}
