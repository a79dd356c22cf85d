/**
 * Impermanent loss of a constant-product pool (Uniswap v2 style, x·y = k), and the value of a
 * liquidity position against simply holding the two tokens (seed 000's liquidity_positions).
 */
import { Decimal } from '../../shared/money.ts';

/**
 * IL for a price ratio r = (price of token0 in token1 now) / (the same at deposit):
 * IL = 2·√r / (1 + r) − 1. It is 0 at r = 1, −20 % at r = 4 or ¼, and tends to −100 %.
 * Returned as a fraction (−0.2 = −20 %).
 */
export function computeImpermanentLoss(priceRatio: Decimal): Decimal {
  if (!priceRatio.isFinite() || !priceRatio.gt(0)) throw new RangeError(`price ratio must be more than 0, got ${priceRatio.toString()}`);
  return priceRatio.sqrt().times(2).div(priceRatio.plus(1)).minus(1);
}

export interface LiquidityPositionInput {
  /** Amounts deposited (initialToken0Amount / initialToken1Amount). */
  token0Amount: Decimal;
  token1Amount: Decimal;
  /** USD prices at deposit (for the initial value) and now. */
  initialToken0PriceUsd: Decimal;
  initialToken1PriceUsd: Decimal;
  token0PriceUsd: Decimal;
  token1PriceUsd: Decimal;
  feesEarnedUsd?: Decimal;
}

export interface LiquidityPositionValue {
  token0Amount: Decimal; // held by the position now
  token1Amount: Decimal;
  initialValueUsd: Decimal;
  currentValueUsd: Decimal; // the position now, fees excluded
  holdValueUsd: Decimal; // the deposited tokens, had they been held
  impermanentLossUsd: Decimal; // currentValue − holdValue, ≤ 0
  impermanentLossPct: Decimal; // of the hold value, ≤ 0
  feesEarnedUsd: Decimal;
  netVsHoldUsd: Decimal; // current value + fees − hold value
  profitUsd: Decimal; // current value + fees − initial value
}

/**
 * Arbitrage keeps the pool's price at the market's: token0 costs P0/P1 token1. With k = x·y
 * kept, the position holds x = √(k·P1/P0) and y = √(k·P0/P1) now.
 */
export function valueLiquidityPosition(input: LiquidityPositionInput): LiquidityPositionValue {
  const { token0Amount: x0, token1Amount: y0, token0PriceUsd: p0, token1PriceUsd: p1 } = input;
  for (const [name, v] of Object.entries({ token0Amount: x0, token1Amount: y0, token0PriceUsd: p0, token1PriceUsd: p1 })) {
    if (!v.isFinite() || !v.gt(0)) throw new RangeError(`${name} must be more than 0`);
  }
  if (input.feesEarnedUsd?.isNegative()) throw new RangeError('feesEarnedUsd must be 0 or more');
  const k = x0.times(y0);
  const x = k.times(p1).div(p0).sqrt();
  const y = k.times(p0).div(p1).sqrt();
  const current = x.times(p0).plus(y.times(p1));
  const hold = x0.times(p0).plus(y0.times(p1));
  const initial = x0.times(input.initialToken0PriceUsd).plus(y0.times(input.initialToken1PriceUsd));
  const fees = input.feesEarnedUsd ?? new Decimal(0);
  return {
    token0Amount: x,
    token1Amount: y,
    initialValueUsd: initial,
    currentValueUsd: current,
    holdValueUsd: hold,
    impermanentLossUsd: current.minus(hold),
    impermanentLossPct: current.div(hold).minus(1).times(100),
    feesEarnedUsd: fees,
    netVsHoldUsd: current.plus(fees).minus(hold),
    profitUsd: current.plus(fees).minus(initial),
  };
}
