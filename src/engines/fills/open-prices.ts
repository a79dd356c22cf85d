import { Decimal } from '../../shared/money.ts';
import type { OrderSide, PairRules } from '../types.ts';
import { priceFromNumber, roundPrice } from './rounding.ts';

const CACHE_SIZE = 65_536;

/**
 * The price an order fills at when it fills at a candle's open: the open as a Decimal (its
 * shortest decimal form, rounded to the tick), moved against the trader by the slippage for
 * market orders (buys rounded up to the tick, sells down). Memoized per open price and kind —
 * a pure function of them: 1–3 µs of decimal.js each time otherwise, and candle opens repeat
 * (the SMA-cross benchmark: ~3,000 distinct opens for 37,500 fills).
 */
export class OpenPrices {
  private readonly plain = new Map<number, Decimal>();
  private readonly buys = new Map<number, Decimal>();
  private readonly sells = new Map<number, Decimal>();
  private slip: Decimal | null = null;

  constructor(
    private readonly pair: PairRules,
    private readonly slippageBps: number,
  ) {}

  get(open: number, market: boolean, side: OrderSide): Decimal {
    const slips = market && this.slippageBps !== 0;
    const cache = !slips ? this.plain : side === 'buy' ? this.buys : this.sells;
    let price = cache.get(open);
    if (price === undefined) {
      if (cache.size >= CACHE_SIZE) cache.clear();
      price = priceFromNumber(open, this.pair);
      if (slips) {
        this.slip ??= new Decimal(this.slippageBps).div(10_000);
        price = side === 'buy' ? roundPrice(price.mul(this.slip.add(1)), this.pair, 'up') : roundPrice(price.mul(new Decimal(1).sub(this.slip)), this.pair, 'down');
      }
      cache.set(open, price);
    }
    return price;
  }
}
