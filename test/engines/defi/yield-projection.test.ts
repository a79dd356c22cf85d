import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import {
  computeFeeAprPct, convertAprToApy, convertApyToApr, estimateLpFeesUsd, projectValue,
} from '../../../src/engines/defi/yield-projection.ts';

const d = (x: string | number): Decimal => new Decimal(x);
const near = (x: Decimal, y: string | number | Decimal, tol = '1e-50'): void => expect(x.minus(y).abs().lte(tol)).toBe(true);

describe('APR ↔ APY', () => {
  it('12 % APR compounded monthly is 12.6825… % APY', () => {
    // 1.01^12 = 1.126825030131969720661201 (exact: 1.01 has two decimals).
    expect(convertAprToApy(d(12), 12).toFixed()).toBe('12.6825030131969720661201');
    expect(convertAprToApy(d(12), 1).toFixed()).toBe('12');
  });

  it('daily compounding matches the float formula', () => {
    expect(convertAprToApy(d(12)).toNumber()).toBeCloseTo((Math.pow(1 + 0.12 / 365, 365) - 1) * 100, 9);
  });

  it('APY back to APR inverts it', () => {
    near(convertApyToApr(d('12.6825030131969720661201'), 12), 12);
    near(convertApyToApr(convertAprToApy(d('250'), 52), 52), 250);
    expect(convertApyToApr(d(0)).toFixed()).toBe('0');
  });

  it('refuses rates of −100 % or less and bad period counts', () => {
    expect(() => convertAprToApy(d(-100))).toThrow(RangeError);
    expect(() => convertApyToApr(d(10), 0)).toThrow(RangeError);
    expect(() => convertAprToApy(d(10), 1.5)).toThrow(RangeError);
  });
});

describe('projectValue', () => {
  it('simple APR: 1,000 at 10 % for 73 days earns 20', () => {
    const r = projectValue({ principal: d(1000), ratePct: d(10), rateKind: 'apr_simple', days: 73 });
    expect([r.value.toFixed(), r.earned.toFixed()]).toEqual(['1020', '20']);
  });

  it('APY: 1,000 at 21 % for two years is 1,000 × 1.21²', () => {
    near(projectValue({ principal: d(1000), ratePct: d(21), rateKind: 'apy', days: 730 }).value, '1464.1');
  });

  it('compounded APR: 1,000 at 12 % monthly for a year', () => {
    near(projectValue({ principal: d(1000), ratePct: d(12), rateKind: 'apr_compound', days: 365, compoundsPerYear: 12 }).value, '1126.825030131969720661201');
  });

  it('zero days, zero principal, negative rates and huge principals', () => {
    expect(projectValue({ principal: d(1000), ratePct: d(50), rateKind: 'apy', days: 0 }).value.toFixed()).toBe('1000');
    expect(projectValue({ principal: d(0), ratePct: d(50), rateKind: 'apr_compound', days: 90 }).value.toFixed()).toBe('0');
    expect(projectValue({ principal: d(1000), ratePct: d(-50), rateKind: 'apr_simple', days: 365 }).value.toFixed()).toBe('500');
    const huge = '123456789012345678901234567890.123456789';
    expect(projectValue({ principal: d(huge), ratePct: d(100), rateKind: 'apr_simple', days: 365 }).value.toFixed()).toBe('246913578024691357802469135780.246913578');
  });

  it('refuses negative principals and days', () => {
    expect(() => projectValue({ principal: d(-1), ratePct: d(5), rateKind: 'apy', days: 1 })).toThrow(RangeError);
    expect(() => projectValue({ principal: d(1), ratePct: d(5), rateKind: 'apy', days: -1 })).toThrow(RangeError);
  });
});

describe('pool fees', () => {
  // 1,000,000 a day through a 0.3 % pool holding 10,000,000: 3,000 of fees a day.
  const pool = { volume24hUsd: d(1_000_000), tvlUsd: d(10_000_000), feeRatePct: d('0.3') };

  it('fee APR: 3,000 × 365 / 10,000,000 = 10.95 %', () => {
    expect(computeFeeAprPct(pool).toFixed()).toBe('10.95');
  });

  it('a 1 % share for 30 days earns 900', () => {
    expect(estimateLpFeesUsd({ ...pool, positionValueUsd: d(100_000), days: 30 }).toFixed()).toBe('900');
    expect(() => estimateLpFeesUsd({ ...pool, positionValueUsd: d(20_000_000), days: 1 })).toThrow(RangeError);
    expect(() => computeFeeAprPct({ ...pool, tvlUsd: d(0) })).toThrow(RangeError);
  });
});
