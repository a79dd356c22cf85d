import { Decimal, HUNDRED, ONE, type DecimalInput } from '../../../shared/money.ts';

/**
 * 3Commas safety-order arithmetic, exact in Decimal.
 * Safety order n (1-based) sits at a cumulative deviation from the base order's fill price of
 *   dev × (1 − step^n) / (1 − step), or dev × n when step = 1
 * (dev 1 %, step 2 → 1 %, 3 %, 7 %), and its size in quote is so × volumeScale^(n−1).
 */
export function safetyOrderDeviationPercent(n: number, deviationPercent: DecimalInput, stepScale: DecimalInput): Decimal {
  const dev = new Decimal(deviationPercent);
  const step = new Decimal(stepScale);
  if (step.eq(1)) return dev.mul(n);
  return dev.mul(ONE.sub(step.pow(n))).div(ONE.sub(step));
}

export function safetyOrderVolume(n: number, safetyOrderSize: DecimalInput, volumeScale: DecimalInput): Decimal {
  return new Decimal(safetyOrderSize).mul(new Decimal(volumeScale).pow(n - 1));
}

/** Price of safety order n below the base order's fill price. */
export function safetyOrderPrice(basePrice: Decimal, n: number, deviationPercent: DecimalInput, stepScale: DecimalInput): Decimal {
  return basePrice.mul(ONE.sub(safetyOrderDeviationPercent(n, deviationPercent, stepScale).div(HUNDRED)));
}

/** Average fill price of a deal: total bought notional / total bought quantity. */
export function averageEntryPrice(boughtNotional: Decimal, boughtQuantity: Decimal): Decimal {
  return boughtNotional.div(boughtQuantity);
}

/** Take-profit price: the average entry raised by `percent`. Recomputed after every fill. */
export function takeProfitPrice(average: Decimal, percent: DecimalInput): Decimal {
  return average.mul(ONE.add(new Decimal(percent).div(HUNDRED)));
}

/**
 * Splits `quantity` by fractions (summing to 1), truncating each part to `decimals` places; the
 * last part takes the remainder so the parts always sum to the whole.
 */
export function splitQuantity(quantity: Decimal, fractions: readonly Decimal[], decimals: number): Decimal[] {
  const parts: Decimal[] = [];
  let left = quantity;
  fractions.forEach((f, k) => {
    const part = k === fractions.length - 1 ? left : quantity.mul(f).toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
    parts.push(part);
    left = left.sub(part);
  });
  return parts;
}
