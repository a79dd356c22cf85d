import type { Decimal } from '../../shared/money.ts';
import { priceFromNumber } from '../fills/rounding.ts';
import type { PaperBook } from '../fills/paper-book.ts';
import type { PaperFill } from '../fills/types.ts';
import type { Candle } from '../types.ts';

/**
 * Ends a run: cancels resting orders and closes every open position at the last candle's
 * close ('close') or open ('open', backtesting.py's finalize_trades), as taker market orders.
 */
export function closeOpenPositions(book: PaperBook, last: Candle, mode: 'close' | 'open' | 'none'): PaperFill[] {
  if (mode === 'none') return [];
  for (const tag of book.openOrderTags()) book.cancel(tag);
  const price = priceFromNumber(mode === 'open' ? last.open : last.close, book.pair);
  const fills: PaperFill[] = [];
  for (const [positionTag, quantity] of [...book.positions]) {
    const fill = book.fillAt({
      kind: 'place_order', tag: `${positionTag}:end`, side: quantity.gt(0) ? 'sell' : 'buy', type: 'market',
      quantity: quantity.abs(), positionTag, effect: 'close', closeReason: 'BOT_STOPPED', reason: 'backtest ended',
    }, price, last.time);
    if (fill) fills.push(fill);
  }
  return fills;
}

/** Account value in quote at a price: quote + base × price, exactly. */
export function accountValue(book: PaperBook, price: number): Decimal {
  return book.base.isZero() ? book.quote : book.quote.add(book.base.mul(priceFromNumber(price, book.pair)));
}
