import { describe, expect, it } from 'vitest';
import { checkProposedTrade, type ProposedTrade } from '../../../src/engines/propfirm/check-proposed-trade.ts';
import { propFirmProfileSchema } from '../../../src/engines/propfirm/propfirm-types.ts';
import { account, d, ftmo, topstep } from './profiles.ts';

// FTMO 100K after a 1,000 loss today: daily floor 95,000 (4,000 left), static floor 90,000 (9,000 left).
const ftmoToday = account({ dayStartBalance: d(100_000), equity: d(99_000) });
// EUR/USD: 50 pips of stop is 0.0050; one lot moves 100,000 per 1.0, so 500 per lot.
const eurusd = (size: string, extra: Partial<ProposedTrade> = {}): ProposedTrade => ({
  entry: d('1.1000'), stop: d('1.0950'), size: d(size), valuePerPoint: d(100_000), fees: d(35), ...extra,
});

describe('checkProposedTrade', () => {
  it('allows a trade whose stop-out stays inside every limit', () => {
    const r = checkProposedTrade(ftmo, ftmoToday, eurusd('5'));
    expect(r.allowed).toBe(true);
    expect(r.riskAmount.toFixed()).toBe('2535'); // 5 × 500 + 35
    expect(r.riskPct.toFixed()).toBe('2.535');
    expect(r.limits.map((l) => [l.rule, l.headroomAfterStop.toFixed(), l.wouldBreach])).toEqual([
      ['daily_loss', '1465', false],
      ['max_drawdown', '6465', false],
    ]);
  });

  it('refuses a size whose stop-out would reach the daily floor, and gives the largest safe size', () => {
    const r = checkProposedTrade(ftmo, ftmoToday, eurusd('8'));
    expect(r.allowed).toBe(false);
    expect(r.limits[0].wouldBreach).toBe(true);
    expect(r.reasons[0]).toMatch(/daily loss limit \(4000\.00 left\)/);
    // (4,000 − 35) / 500 = 7.93 lots loses exactly 4,000: that reaches the floor, so 7.92.
    expect(r.maxSize!.toFixed()).toBe('7.92');
    expect(checkProposedTrade(ftmo, ftmoToday, eurusd('7.92')).allowed).toBe(true);
    expect(checkProposedTrade(ftmo, ftmoToday, eurusd('7.93')).allowed).toBe(false);
  });

  it('counts whole contracts, and the risk already open', () => {
    // Topstep: $1,000 daily loss left; ES 10 points × $50 = $500 a contract. 2 contracts lose exactly 1,000 → 1.
    const es = { entry: d(5000), stop: d(4990), size: d(1), valuePerPoint: d(50), sizePrecision: 0 };
    const a = account({ equity: d(50_000) });
    expect(checkProposedTrade(topstep, a, es).maxSize!.toFixed()).toBe('1');
    const withOpen = checkProposedTrade(topstep, a, { ...es, openRisk: d(600) });
    expect(withOpen.maxSize!.toFixed()).toBe('0');
    expect(withOpen.allowed).toBe(false);
  });

  it('refuses when the day is locked or the trade count is used up', () => {
    const locked = checkProposedTrade(topstep, account({ dayStartBalance: d(51_000), equity: d(50_000) }), { entry: d(5000), stop: d(4999), size: d(1), valuePerPoint: d(50) });
    expect(locked.allowed).toBe(false);
    expect(locked.reasons.join(' ')).toMatch(/trading resumes after the daily reset/);
    const p = propFirmProfileSchema.parse({ accountSize: 100_000, maxDailyTrades: 2 });
    const r = checkProposedTrade(p, account({ equity: d(100_000), tradesToday: 2 }), eurusd('1'));
    expect(r.allowed).toBe(false);
    expect(r.reasons).toContain('This would be trade 3 today; the limit is 2.');
    expect(r.maxSize).toBeNull(); // no loss limit in this profile
  });

  it('refuses an account that has already failed', () => {
    const r = checkProposedTrade(ftmo, account({ dayStartBalance: d(100_000), equity: d(89_000) }), eurusd('0.01'));
    expect(r.allowed).toBe(false);
    expect(r.maxSize!.toFixed()).toBe('0');
  });

  it('asks for a stop when the stop is at the entry', () => {
    const r = checkProposedTrade(ftmo, ftmoToday, eurusd('1', { stop: d('1.1000') }));
    expect(r).toMatchObject({ allowed: false, maxSize: null });
    expect(r.riskAmount.toFixed()).toBe('35');
  });

  it('works for shorts and huge sizes, and refuses nonsense', () => {
    const short = checkProposedTrade(ftmo, ftmoToday, eurusd('1', { entry: d('1.0950'), stop: d('1.1000') }));
    expect(short.riskAmount.toFixed()).toBe('535');
    const huge = checkProposedTrade(ftmo, ftmoToday, eurusd('123456789012345678901234567890'));
    expect(huge.allowed).toBe(false);
    for (const bad of [{ size: d(0) }, { size: d(-1) }, { entry: d(-1) }, { valuePerPoint: d(0) }, { fees: d(-1) }, { openRisk: d(-5) }, { sizePrecision: -1 }]) {
      expect(() => checkProposedTrade(ftmo, ftmoToday, eurusd('1', bad))).toThrow(RangeError);
    }
  });
});
