/**
 * APR ↔ APY and value projections for staking, farming and liquidity positions.
 * Rates are in percent (12 = 12 %), as the seeds store apy. A year is 365 days.
 *
 * APR is the simple yearly rate; APY the yearly growth once rewards are compounded n times a
 * year: APY = (1 + APR/n)^n − 1, and back, APR = n·((1 + APY)^(1/n) − 1).
 */
import { Decimal } from '../../shared/money.ts';

const DAYS_PER_YEAR = 365;
const ONE = new Decimal(1);

function fraction(pct: Decimal, name: string): Decimal {
  if (!pct.isFinite() || !pct.gt(-100)) throw new RangeError(`${name} must be more than -100 %, got ${pct.toString()}`);
  return pct.div(100);
}

function periods(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`compoundsPerYear must be a whole number of at least 1, got ${n}`);
  return n;
}

export function convertAprToApy(aprPct: Decimal, compoundsPerYear = 365): Decimal {
  const n = periods(compoundsPerYear);
  return ONE.plus(fraction(aprPct, 'APR').div(n)).pow(n).minus(1).times(100);
}

export function convertApyToApr(apyPct: Decimal, compoundsPerYear = 365): Decimal {
  const n = periods(compoundsPerYear);
  return ONE.plus(fraction(apyPct, 'APY')).pow(ONE.div(n)).minus(1).times(n).times(100);
}

export type RateKind =
  | 'apr_simple' // rewards paid out, not reinvested
  | 'apr_compound' // rewards reinvested compoundsPerYear times a year
  | 'apy'; // the rate already includes compounding

export interface ProjectionInput {
  principal: Decimal;
  ratePct: Decimal;
  rateKind: RateKind;
  days: number;
  compoundsPerYear?: number; // for apr_compound; default 365
}

export function projectValue(input: ProjectionInput): { value: Decimal; earned: Decimal } {
  const { principal, days } = input;
  if (!principal.isFinite() || principal.isNegative()) throw new RangeError('principal must be 0 or more');
  if (!Number.isFinite(days) || days < 0) throw new RangeError('days must be 0 or more');
  const rate = fraction(input.ratePct, 'rate');
  const years = new Decimal(days).div(DAYS_PER_YEAR);
  let growth: Decimal;
  if (input.rateKind === 'apr_simple') growth = ONE.plus(rate.times(years));
  else if (input.rateKind === 'apy') growth = ONE.plus(rate).pow(years);
  else {
    const n = periods(input.compoundsPerYear ?? 365);
    growth = ONE.plus(rate.div(n)).pow(years.times(n));
  }
  const value = principal.times(growth);
  return { value, earned: value.minus(principal) };
}

/** Yearly fee income of a pool as a percentage of its liquidity: volume × fee × 365 / TVL. */
export function computeFeeAprPct(input: { volume24hUsd: Decimal; tvlUsd: Decimal; feeRatePct: Decimal }): Decimal {
  if (!input.tvlUsd.gt(0)) throw new RangeError('tvlUsd must be more than 0');
  return input.volume24hUsd.times(input.feeRatePct).times(DAYS_PER_YEAR).div(input.tvlUsd);
}

/** Fees a position earns over `days` at today's volume: its share of the pool × volume × fee rate. */
export function estimateLpFeesUsd(input: { positionValueUsd: Decimal; tvlUsd: Decimal; volume24hUsd: Decimal; feeRatePct: Decimal; days: number }): Decimal {
  if (!input.tvlUsd.gt(0)) throw new RangeError('tvlUsd must be more than 0');
  if (input.positionValueUsd.isNegative() || input.positionValueUsd.gt(input.tvlUsd)) throw new RangeError('positionValueUsd must be between 0 and tvlUsd');
  if (!Number.isFinite(input.days) || input.days < 0) throw new RangeError('days must be 0 or more');
  const share = input.positionValueUsd.div(input.tvlUsd);
  return share.times(input.volume24hUsd).times(input.feeRatePct).div(100).times(input.days);
}
