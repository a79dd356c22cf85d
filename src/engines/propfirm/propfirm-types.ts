/**
 * Prop-firm rule inputs: the profile (seed 004's profiles columns account_size,
 * daily_loss_limit_pct, daily_loss_type, max_drawdown_pct, max_drawdown_type,
 * profit_target_pct, max_daily_trades) and the account's state. Modes are explained with
 * FTMO, Topstep and The5ers examples in docs/prop-firm-rules.md.
 */
import { z } from 'zod';
import { Decimal } from '../../shared/money.ts';

/** What the daily loss is measured from, taken at the firm's daily reset. */
export const DAILY_LOSS_TYPES = ['balance', 'equity', 'higher_of_balance_equity'] as const;
export type DailyLossType = (typeof DAILY_LOSS_TYPES)[number];

export const MAX_DRAWDOWN_TYPES = ['static', 'trailing_eod', 'trailing_intraday'] as const;
export type MaxDrawdownType = (typeof MAX_DRAWDOWN_TYPES)[number];

export interface PropFirmProfile {
  accountSize: Decimal; // the starting balance
  dailyLossLimitPct: Decimal | null;
  dailyLossType: DailyLossType;
  /** The daily percentage is of the starting balance ('initial', FTMO) or of the day's reference ('day_start'). */
  dailyLossBase: 'initial' | 'day_start';
  /** Reaching the daily limit fails the account ('fail', FTMO) or only ends the day ('lock_day', Topstep's DLL). */
  dailyLossAction: 'fail' | 'lock_day';
  maxDrawdownPct: Decimal | null;
  maxDrawdownType: MaxDrawdownType;
  /** A trailing floor stops rising once it reaches the starting balance (Topstep, Apex). */
  trailingStopsAtStart: boolean;
  profitTargetPct: Decimal | null;
  maxDailyTrades: number | null;
  /** A loss rule turns 'warning' once this percentage of its allowance is used. */
  warningAtUsedPct: Decimal;
}

export interface AccountState {
  balance: Decimal; // closed trades only
  equity: Decimal; // balance plus open profit/loss
  /** Balance and equity at the last daily reset (the service knows the firm's reset time). */
  dayStartBalance: Decimal;
  dayStartEquity?: Decimal | null; // defaults to dayStartBalance
  /** Balance at the end of each closed day, oldest first (end-of-day trailing). */
  endOfDayBalances?: Decimal[];
  /** Equity observations since the start (intraday trailing); the current equity is always included. */
  equityPoints?: Decimal[];
  tradesToday: number;
}

const decimalInput = z
  .union([z.number(), z.string()], { error: 'must be a number' })
  .transform((v, ctx) => {
    const d = new Decimal(typeof v === 'number' ? String(v) : v.trim() || 'NaN');
    if (!d.isFinite()) ctx.addIssue({ code: 'custom', message: 'must be a number' });
    return d;
  });
const pct = (what: string, max: number) =>
  decimalInput.refine((d) => d.gt(0) && d.lte(max), { error: `${what} must be more than 0 and at most ${max} %` }).nullable().default(null);

/** Profile settings as they arrive from a form, the database or JSON, with the defaults above. */
export const propFirmProfileSchema = z.object({
  accountSize: decimalInput.refine((d) => d.gt(0), { error: 'accountSize must be more than 0' }),
  dailyLossLimitPct: pct('dailyLossLimitPct', 100),
  dailyLossType: z.enum(DAILY_LOSS_TYPES, { error: `dailyLossType must be one of ${DAILY_LOSS_TYPES.join(', ')}` }).default('balance'),
  dailyLossBase: z.enum(['initial', 'day_start']).default('initial'),
  dailyLossAction: z.enum(['fail', 'lock_day']).default('fail'),
  maxDrawdownPct: pct('maxDrawdownPct', 100),
  maxDrawdownType: z.enum(MAX_DRAWDOWN_TYPES, { error: `maxDrawdownType must be one of ${MAX_DRAWDOWN_TYPES.join(', ')}` }).default('static'),
  trailingStopsAtStart: z.boolean().default(true),
  profitTargetPct: pct('profitTargetPct', 1000),
  maxDailyTrades: z.number().int().min(1, { error: 'maxDailyTrades must be at least 1' }).max(10_000).nullable().default(null),
  warningAtUsedPct: decimalInput.refine((d) => d.gt(0) && d.lt(100), { error: 'warningAtUsedPct must be between 0 and 100' }).default(new Decimal(80)),
});
