import { describe, expect, it } from 'vitest';
import { evaluatePropFirmRules } from '../../../src/engines/propfirm/evaluate-rules.ts';
import { propFirmProfileSchema } from '../../../src/engines/propfirm/propfirm-types.ts';
import { account, d, ftmo, topstep } from './profiles.ts';

const s = (x: { toFixed(): string } | undefined | null): string | undefined => x?.toFixed();

describe('FTMO 2-Step 100K: balance-based daily loss, static drawdown', () => {
  const a = account({ dayStartBalance: d(102_000), balance: d(101_000), equity: d(98_500) });

  it('computes floors, headroom and usage', () => {
    const r = evaluatePropFirmRules(ftmo, a);
    // Daily: 102,000 − 5 % of 100,000 = 97,000; 98,500 − 97,000 = 1,500 left; 3,500 of 5,000 used.
    expect([s(r.dailyLoss!.floor), s(r.dailyLoss!.headroom), s(r.dailyLoss!.usedPct), r.dailyLoss!.state]).toEqual(['97000', '1500', '70', 'ok']);
    expect(s(r.dailyLoss!.headroomPct)).toBe('1.5');
    // Static: 100,000 − 10,000 = 90,000; 8,500 left; 1,500 of 10,000 used.
    expect([s(r.maxDrawdown!.floor), s(r.maxDrawdown!.headroom), s(r.maxDrawdown!.usedPct)]).toEqual(['90000', '8500', '15']);
    // Target 110,000 on the balance: 9,000 to go, 1,000 of 10,000 made.
    expect([s(r.profitTarget!.target), s(r.profitTarget!.remaining), s(r.profitTarget!.progressPct), r.profitTarget!.reached]).toEqual(['110000', '9000', '10', false]);
    expect(r).toMatchObject({ failed: false, lockedForDay: false, canTrade: true });
  });

  it('warns past 80 % of the allowance and fails on reaching the floor', () => {
    const warn = evaluatePropFirmRules(ftmo, { ...a, equity: d(97_900) });
    expect([warn.dailyLoss!.state, s(warn.dailyLoss!.usedPct)]).toEqual(['warning', '82']);
    expect(warn.messages[0]).toMatch(/900\.00 left before the floor at 97000\.00/);
    const hit = evaluatePropFirmRules(ftmo, { ...a, equity: d(97_000) });
    expect(hit).toMatchObject({ failed: true, canTrade: false, dailyLoss: { state: 'breached' } });
    expect(evaluatePropFirmRules(ftmo, { ...a, equity: d(89_000) }).maxDrawdown!.state).toBe('breached');
  });

  it('reports the profit target reached on the balance', () => {
    const r = evaluatePropFirmRules(ftmo, account({ balance: d(110_000), equity: d(109_000), dayStartBalance: d(109_500) }));
    expect(r.profitTarget).toMatchObject({ reached: true });
    expect(s(r.profitTarget!.remaining)).toBe('0');
  });
});

describe('daily loss references', () => {
  const base = { ...ftmo, dailyLossType: 'equity' as const };
  it('equity-based: from the equity at the reset', () => {
    const r = evaluatePropFirmRules(base, account({ dayStartBalance: d(100_000), dayStartEquity: d(103_000), equity: d(101_000) }));
    expect(s(r.dailyLoss!.floor)).toBe('98000'); // 103,000 − 5,000
  });

  it('The5ers style: the higher of balance and equity at the reset, optionally as the percentage base', () => {
    const p = { ...ftmo, dailyLossType: 'higher_of_balance_equity' as const };
    expect(s(evaluatePropFirmRules(p, account({ dayStartBalance: d(100_000), dayStartEquity: d(99_000), equity: d(99_000) })).dailyLoss!.floor)).toBe('95000');
    expect(s(evaluatePropFirmRules(p, account({ dayStartBalance: d(100_000), dayStartEquity: d(103_000), equity: d(99_000) })).dailyLoss!.floor)).toBe('98000');
    // 5 % of 103,000 is 5,150: floor 97,850.
    const dayStart = { ...p, dailyLossBase: 'day_start' as const };
    expect(s(evaluatePropFirmRules(dayStart, account({ dayStartBalance: d(100_000), dayStartEquity: d(103_000), equity: d(99_000) })).dailyLoss!.floor)).toBe('97850');
  });
});

describe('Topstep 50K: end-of-day trailing and a day-locking daily loss', () => {
  it('trails the highest end-of-day balance, ignoring intraday equity', () => {
    const r = evaluatePropFirmRules(topstep, account({ endOfDayBalances: [d(50_500), d(51_200), d(50_900)], equityPoints: [d(53_000)], dayStartBalance: d(50_900), equity: d(49_500) }));
    // 51,200 − 2,000 = 49,200; 300 left; 1,700 of 2,000 used.
    expect([s(r.maxDrawdown!.floor), s(r.maxDrawdown!.headroom), s(r.maxDrawdown!.usedPct), r.maxDrawdown!.state]).toEqual(['49200', '300', '85', 'warning']);
  });

  it('stops trailing at the starting balance, unless told otherwise (FTMO 1-Step)', () => {
    const a = account({ endOfDayBalances: [d(52_500)], equity: d(52_000) });
    expect(s(evaluatePropFirmRules(topstep, a).maxDrawdown!.floor)).toBe('50000');
    expect(s(evaluatePropFirmRules({ ...topstep, trailingStopsAtStart: false }, a).maxDrawdown!.floor)).toBe('50500');
    // No closed day yet: the start is the high-water mark.
    expect(s(evaluatePropFirmRules(topstep, account({ equity: d(50_000) })).maxDrawdown!.floor)).toBe('48000');
  });

  it('locks the day, without failing, when the daily loss is reached', () => {
    const r = evaluatePropFirmRules(topstep, account({ dayStartBalance: d(51_000), endOfDayBalances: [d(51_000)], equity: d(50_000) }));
    expect(r).toMatchObject({ failed: false, lockedForDay: true, canTrade: false, dailyLoss: { state: 'locked_for_day' } });
    expect(r.messages.join(' ')).toMatch(/no more trading today/);
  });
});

describe('FTMO 1-Step: end-of-day trailing, not capped at the start', () => {
  it('is max(highest end-of-day balance, initial) − 10 %', () => {
    const p = { ...ftmo, maxDrawdownType: 'trailing_eod' as const, trailingStopsAtStart: false };
    expect(s(evaluatePropFirmRules(p, account({ endOfDayBalances: [d(101_000), d(104_000), d(103_000)], equity: d(103_500) })).maxDrawdown!.floor)).toBe('94000');
    expect(s(evaluatePropFirmRules(p, account({ endOfDayBalances: [d(97_000)], equity: d(97_000) })).maxDrawdown!.floor)).toBe('90000');
  });
});

describe('intraday trailing on equity', () => {
  const apex = propFirmProfileSchema.parse({ accountSize: 50_000, maxDrawdownPct: 5, maxDrawdownType: 'trailing_intraday' });
  it('trails the highest equity seen, including now, and stops at the start', () => {
    const r = evaluatePropFirmRules(apex, account({ equityPoints: [d(50_800), d(51_900), d(51_300)], equity: d(51_000) }));
    expect([s(r.maxDrawdown!.floor), s(r.maxDrawdown!.headroom)]).toEqual(['49400', '1600']); // 51,900 − 2,500
    expect(s(evaluatePropFirmRules(apex, account({ equity: d(53_000) })).maxDrawdown!.floor)).toBe('50000');
    expect(evaluatePropFirmRules(apex, account({ equity: d(53_000) })).dailyLoss).toBeNull();
  });
});

describe('max daily trades', () => {
  const p = propFirmProfileSchema.parse({ accountSize: 10_000, maxDailyTrades: 3 });
  it.each([
    [1, 'ok', 2],
    [2, 'warning', 1],
    [3, 'locked_for_day', 0],
    [4, 'breached', 0],
  ] as const)('%i taken: %s', (taken, state, remaining) => {
    const r = evaluatePropFirmRules(p, account({ equity: d(10_000), tradesToday: taken }));
    expect(r.dailyTrades).toMatchObject({ state, remaining });
    expect(r.canTrade).toBe(state === 'ok' || state === 'warning');
  });
});

describe('propFirmProfileSchema', () => {
  it('fills defaults and reads numbers given as text', () => {
    const p = propFirmProfileSchema.parse({ accountSize: '25000', dailyLossLimitPct: '4.5' });
    expect(p).toMatchObject({ dailyLossType: 'balance', dailyLossBase: 'initial', dailyLossAction: 'fail', maxDrawdownType: 'static', trailingStopsAtStart: true, maxDrawdownPct: null, maxDailyTrades: null });
    expect([s(p.accountSize), s(p.dailyLossLimitPct), s(p.warningAtUsedPct)]).toEqual(['25000', '4.5', '80']);
    expect(evaluatePropFirmRules(p, account({ equity: d(25_000) }))).toMatchObject({ maxDrawdown: null, profitTarget: null, dailyTrades: null, canTrade: true });
  });

  it('names the field and the allowed range', () => {
    const r = propFirmProfileSchema.safeParse({ accountSize: 0, dailyLossLimitPct: 0, maxDrawdownType: 'weekly', maxDailyTrades: 0 });
    const text = r.error!.issues.map((i) => i.message).join(' | ');
    expect(text).toMatch(/accountSize must be more than 0/);
    expect(text).toMatch(/dailyLossLimitPct must be more than 0 and at most 100 %/);
    expect(text).toMatch(/maxDrawdownType must be one of static, trailing_eod, trailing_intraday/);
    expect(text).toMatch(/maxDailyTrades must be at least 1/);
  });
});
