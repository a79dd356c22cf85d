/**
 * The state of each prop-firm rule and the room left before it breaks.
 *
 * Every loss rule is a floor the equity (open profit/loss included) must stay above; reaching
 * the floor counts as breaking the rule. Floors:
 *  - daily loss: reference at the reset − limit, the reference being the day's starting balance,
 *    equity, or the higher of both; the limit is X % of the starting balance or of that reference;
 *  - static drawdown: starting balance − X % of it;
 *  - end-of-day trailing: highest end-of-day balance (at least the start) − X %, frozen intraday;
 *  - intraday trailing: highest equity seen (at least the start) − X %, moving in real time;
 *  and a trailing floor stops at the starting balance when the firm says so.
 */
import { Decimal } from '../../shared/money.ts';
import type { AccountState, PropFirmProfile } from './propfirm-types.ts';

export type RuleState = 'ok' | 'warning' | 'breached' | 'locked_for_day';

export interface LossRule {
  rule: 'daily_loss' | 'max_drawdown';
  state: RuleState;
  floor: Decimal; // equity must stay above this
  limit: Decimal; // the allowance in money
  headroom: Decimal; // equity − floor: money that can still be lost (≤ 0 once broken)
  headroomPct: Decimal; // headroom as % of the account size
  usedPct: Decimal; // share of the allowance used, 0..100+
}

export interface ProfitTargetRule {
  rule: 'profit_target';
  state: 'ok';
  target: Decimal; // balance to reach
  reached: boolean;
  remaining: Decimal;
  progressPct: Decimal; // may be negative while in drawdown
}

export interface DailyTradesRule {
  rule: 'max_daily_trades';
  state: RuleState;
  max: number;
  taken: number;
  remaining: number;
}

export interface PropFirmStatus {
  dailyLoss: LossRule | null;
  maxDrawdown: LossRule | null;
  profitTarget: ProfitTargetRule | null;
  dailyTrades: DailyTradesRule | null;
  /** The account has failed the challenge (a rule that fails it was broken). */
  failed: boolean;
  /** No new trade today: a day-locking rule was reached. */
  lockedForDay: boolean;
  canTrade: boolean;
  messages: string[];
}

const ZERO = new Decimal(0);
const money = (d: Decimal): string => d.toFixed(2);

function lossRule(rule: LossRule['rule'], floor: Decimal, limit: Decimal, a: AccountState, p: PropFirmProfile, onBreach: RuleState): LossRule {
  const headroom = a.equity.minus(floor);
  const used = Decimal.max(ZERO, limit.minus(headroom));
  const usedPct = limit.isZero() ? new Decimal(100) : used.div(limit).times(100);
  const state: RuleState = headroom.lte(0) ? onBreach : usedPct.gte(p.warningAtUsedPct) ? 'warning' : 'ok';
  return { rule, state, floor, limit, headroom, headroomPct: headroom.div(p.accountSize).times(100), usedPct };
}

export function computeDailyLossFloor(p: PropFirmProfile, a: AccountState): { floor: Decimal; limit: Decimal } | null {
  if (!p.dailyLossLimitPct) return null;
  const startEquity = a.dayStartEquity ?? a.dayStartBalance;
  const reference =
    p.dailyLossType === 'balance' ? a.dayStartBalance : p.dailyLossType === 'equity' ? startEquity : Decimal.max(a.dayStartBalance, startEquity);
  const limit = (p.dailyLossBase === 'initial' ? p.accountSize : reference).times(p.dailyLossLimitPct).div(100);
  return { floor: reference.minus(limit), limit };
}

export function computeDrawdownFloor(p: PropFirmProfile, a: AccountState): { floor: Decimal; limit: Decimal } | null {
  if (!p.maxDrawdownPct) return null;
  const limit = p.accountSize.times(p.maxDrawdownPct).div(100);
  if (p.maxDrawdownType === 'static') return { floor: p.accountSize.minus(limit), limit };
  const marks = p.maxDrawdownType === 'trailing_eod' ? (a.endOfDayBalances ?? []) : [...(a.equityPoints ?? []), a.equity];
  const highWater = Decimal.max(p.accountSize, ...marks);
  const trailed = highWater.minus(limit);
  return { floor: p.trailingStopsAtStart ? Decimal.min(trailed, p.accountSize) : trailed, limit };
}

function tradesRule(max: number, taken: number): DailyTradesRule {
  const state: RuleState = taken > max ? 'breached' : taken === max ? 'locked_for_day' : max >= 2 && taken === max - 1 ? 'warning' : 'ok';
  return { rule: 'max_daily_trades', state, max, taken, remaining: Math.max(0, max - taken) };
}

export function evaluatePropFirmRules(p: PropFirmProfile, a: AccountState): PropFirmStatus {
  const messages: string[] = [];
  const daily = computeDailyLossFloor(p, a);
  const dailyLoss = daily ? lossRule('daily_loss', daily.floor, daily.limit, a, p, p.dailyLossAction === 'lock_day' ? 'locked_for_day' : 'breached') : null;
  const dd = computeDrawdownFloor(p, a);
  const maxDrawdown = dd ? lossRule('max_drawdown', dd.floor, dd.limit, a, p, 'breached') : null;

  let profitTarget: ProfitTargetRule | null = null;
  if (p.profitTargetPct) {
    const gainNeeded = p.accountSize.times(p.profitTargetPct).div(100);
    const target = p.accountSize.plus(gainNeeded);
    const reached = a.balance.gte(target);
    profitTarget = { rule: 'profit_target', state: 'ok', target, reached, remaining: Decimal.max(ZERO, target.minus(a.balance)), progressPct: a.balance.minus(p.accountSize).div(gainNeeded).times(100) };
    if (reached) messages.push(`Profit target reached: balance ${money(a.balance)} ≥ ${money(target)}.`);
  }
  const dailyTrades = p.maxDailyTrades ? tradesRule(p.maxDailyTrades, a.tradesToday) : null;

  for (const r of [dailyLoss, maxDrawdown]) {
    if (!r || r.state === 'ok') continue;
    const name = r.rule === 'daily_loss' ? 'Daily loss limit' : 'Maximum drawdown';
    if (r.state === 'warning') messages.push(`${name}: ${money(r.headroom)} left before the floor at ${money(r.floor)} (${r.usedPct.toFixed(1)} % used).`);
    else messages.push(`${name} reached: equity ${money(a.equity)} is at or below ${money(r.floor)}${r.state === 'locked_for_day' ? '; no more trading today' : ''}.`);
  }
  if (dailyTrades && dailyTrades.state !== 'ok') messages.push(`Trades today: ${dailyTrades.taken} of ${dailyTrades.max}.`);

  const failed = dailyLoss?.state === 'breached' || maxDrawdown?.state === 'breached';
  const lockedForDay = dailyLoss?.state === 'locked_for_day' || dailyTrades?.state === 'locked_for_day' || dailyTrades?.state === 'breached';
  return { dailyLoss, maxDrawdown, profitTarget, dailyTrades, failed, lockedForDay, canTrade: !failed && !lockedForDay, messages };
}
