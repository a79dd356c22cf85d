import { Decimal } from '../../../src/shared/money.ts';
import { propFirmProfileSchema, type AccountState, type PropFirmProfile } from '../../../src/engines/propfirm/propfirm-types.ts';

export const d = (x: string | number): Decimal => new Decimal(x);

/** FTMO 2-Step, 100K: 5 % daily loss of the initial balance from the day's starting balance, 10 % static, 10 % target. */
export const ftmo: PropFirmProfile = propFirmProfileSchema.parse({
  accountSize: 100_000, dailyLossLimitPct: 5, dailyLossType: 'balance', maxDrawdownPct: 10, maxDrawdownType: 'static', profitTargetPct: 10,
});

/** Topstep 50K: $2,000 end-of-day trailing loss that stops at the start, $1,000 daily loss that locks the day, $3,000 target. */
export const topstep: PropFirmProfile = propFirmProfileSchema.parse({
  accountSize: 50_000, dailyLossLimitPct: 2, dailyLossAction: 'lock_day', maxDrawdownPct: 4, maxDrawdownType: 'trailing_eod', profitTargetPct: 6,
});

export const account = (a: Partial<AccountState> & { equity: Decimal }): AccountState => ({
  balance: a.equity, dayStartBalance: a.equity, tradesToday: 0, ...a,
});
