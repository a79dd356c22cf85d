import type { Decimal } from '../../shared/money.ts';
import type { CloseReason, OrderSide, OrderType } from '../types.ts';
import type { FillUnits } from './settle-exact.ts';
import type { PaperFill, PaperOrder } from './types.ts';

/**
 * A fill as the paper book makes it: the plain PaperFill fields (same names, same order, so it
 * prints, spreads and compares like an object literal) plus, privately, its amounts in the exact
 * lane when it was settled there, so the ledger adds them up without converting the Decimals
 * back (BookFill.unitsOf).
 */
export class BookFill implements PaperFill {
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
  readonly #units: FillUnits | null;

  constructor(order: PaperOrder, price: Decimal, quantity: Decimal, fee: Decimal, time: number, maker: boolean, units: FillUnits | null) {
    this.tag = order.tag;
    this.side = order.side;
    this.price = price;
    this.quantity = quantity;
    this.fee = fee;
    this.time = time;
    this.positionTag = order.positionTag;
    this.effect = order.effect;
    this.closeReason = order.closeReason;
    this.orderType = order.type;
    this.maker = maker;
    this.#units = units;
  }

  static unitsOf(fill: PaperFill): FillUnits | null {
    return #units in fill ? fill.#units : null;
  }
}
