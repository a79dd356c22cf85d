import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { computeImpermanentLoss, valueLiquidityPosition } from '../../../src/engines/defi/impermanent-loss.ts';

const d = (x: string | number): Decimal => new Decimal(x);
const near = (x: Decimal, y: string | number | Decimal, tol = '1e-60'): void => expect(x.minus(y).abs().lte(tol)).toBe(true);

describe('computeImpermanentLoss: 2√r/(1+r) − 1', () => {
  it.each([
    [1, 0], // no price change
    [4, -0.2], // 2·2/5 − 1
    [0.25, -0.2], // 2·½/1.25 − 1: a fall by 4 costs the same as a rise by 4
    [9, -0.4], // 2·3/10 − 1
    [100, 20 / 101 - 1], // 2·10/101 − 1
  ])('r = %s gives %s', (r, il) => {
    near(computeImpermanentLoss(d(r)), il, '1e-15');
  });

  it('is exact where the square root is', () => {
    expect(computeImpermanentLoss(d(4)).toFixed()).toBe('-0.2');
    // r = 2: 2√2/3 − 1 = −0.0571909584179366…
    near(computeImpermanentLoss(d(2)), new Decimal(2).sqrt().times(2).div(3).minus(1));
  });

  it('tends to −100 % for huge and tiny ratios', () => {
    const huge = computeImpermanentLoss(d('1e40'));
    near(huge, d(-1).plus(d(2).times(d('1e-20'))), '1e-39'); // ≈ −1 + 2/√r
    expect(computeImpermanentLoss(d('1e-40')).gt(-1)).toBe(true);
  });

  it('refuses zero and negative ratios', () => {
    expect(() => computeImpermanentLoss(d(0))).toThrow(RangeError);
    expect(() => computeImpermanentLoss(d(-4))).toThrow(RangeError);
  });
});

describe('valueLiquidityPosition', () => {
  // 1 ETH + 2,000 USDC deposited at ETH = 2,000; ETH goes to 8,000 (r = 4).
  const deposit = { token0Amount: d(1), token1Amount: d(2000), initialToken0PriceUsd: d(2000), initialToken1PriceUsd: d(1) };

  it('rebalances along x·y = k and loses 20 % against holding at r = 4', () => {
    const v = valueLiquidityPosition({ ...deposit, token0PriceUsd: d(8000), token1PriceUsd: d(1), feesEarnedUsd: d(150) });
    // k = 2,000; ETH = √(2,000/8,000) = 0.5; USDC = √(2,000·8,000) = 4,000.
    expect([v.token0Amount.toFixed(), v.token1Amount.toFixed()]).toEqual(['0.5', '4000']);
    expect(v.currentValueUsd.toFixed()).toBe('8000'); // 0.5·8,000 + 4,000
    expect(v.holdValueUsd.toFixed()).toBe('10000'); // 1·8,000 + 2,000
    expect(v.impermanentLossUsd.toFixed()).toBe('-2000');
    expect(v.impermanentLossPct.toFixed()).toBe('-20');
    expect(v.initialValueUsd.toFixed()).toBe('4000');
    expect(v.netVsHoldUsd.toFixed()).toBe('-1850'); // 8,000 + 150 − 10,000
    expect(v.profitUsd.toFixed()).toBe('4150'); // 8,000 + 150 − 4,000
  });

  it('has no loss when prices do not move, and agrees with the IL formula when both tokens move', () => {
    const same = valueLiquidityPosition({ ...deposit, token0PriceUsd: d(2000), token1PriceUsd: d(1) });
    expect(same.impermanentLossUsd.toFixed()).toBe('0');
    // ETH 2,000 → 3,000 and the "stable" 1 → 0.5: ETH in USDC moves 2,000 → 6,000 (r = 3).
    const both = valueLiquidityPosition({ ...deposit, token0PriceUsd: d(3000), token1PriceUsd: d('0.5') });
    near(both.impermanentLossPct.div(100), computeImpermanentLoss(d(3)));
  });

  it('refuses empty amounts, zero prices and negative fees', () => {
    expect(() => valueLiquidityPosition({ ...deposit, token0Amount: d(0), token0PriceUsd: d(1), token1PriceUsd: d(1) })).toThrow(RangeError);
    expect(() => valueLiquidityPosition({ ...deposit, token0PriceUsd: d(0), token1PriceUsd: d(1) })).toThrow(RangeError);
    expect(() => valueLiquidityPosition({ ...deposit, token0PriceUsd: d(1), token1PriceUsd: d(1), feesEarnedUsd: d(-1) })).toThrow(RangeError);
  });
});
