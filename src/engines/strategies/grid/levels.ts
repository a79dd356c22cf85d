import { Decimal, type DecimalInput } from '../../../shared/money.ts';

export type GridMode = 'arithmetic' | 'geometric';

/**
 * The grid's price levels. `levels` counts price LEVELS, both bounds included, so there are
 * levels − 1 intervals (grid cells); with the N = number of intervals:
 *   arithmetic  P_i = L + i·(U − L)/N
 *   geometric   P_i = L·(U/L)^(i/N)        for i = 0 … N, N = levels − 1.
 */
export function computeGridLevels(lower: DecimalInput, upper: DecimalInput, levels: number, mode: GridMode): Decimal[] {
  const L = new Decimal(lower);
  const U = new Decimal(upper);
  const intervals = levels - 1;
  const out: Decimal[] = [];
  for (let i = 0; i <= intervals; i++) {
    if (i === 0) out.push(L);
    else if (i === intervals) out.push(U);
    else out.push(mode === 'arithmetic' ? L.add(U.sub(L).mul(i).div(intervals)) : L.mul(U.div(L).pow(new Decimal(i).div(intervals))));
  }
  return out;
}
