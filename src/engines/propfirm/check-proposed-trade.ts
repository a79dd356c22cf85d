/**
 * Pre-trade check: if this trade's stop is hit, does the account break a rule? And what is the
 * largest size that would not? The stop-out loss is |entry − stop| × size × value per point,
 * plus fees, plus the risk already open in other positions (to their stops).
 */
import { Decimal } from '../../shared/money.ts';
import { evaluatePropFirmRules, type LossRule } from './evaluate-rules.ts';
import type { AccountState, PropFirmProfile } from './propfirm-types.ts';

export interface ProposedTrade {
  entry: Decimal;
  stop: Decimal;
  size: Decimal; // contracts or lots
  /** Money one unit of size gains or loses per 1.0 of price: ES $50, NQ $20, one EUR/USD lot $100,000. */
  valuePerPoint: Decimal;
  fees?: Decimal; // round-trip commissions, in money
  /** Loss still possible in positions already open, to their stops. */
  openRisk?: Decimal;
  /** Decimal places of the size (0 for contracts, 2 for lots). Default 2. */
  sizePrecision?: number;
}

export interface LimitAfterStop {
  rule: LossRule['rule'];
  headroom: Decimal; // now
  headroomAfterStop: Decimal; // if this trade's stop (and the open risk) is hit
  wouldBreach: boolean;
}

export interface TradeCheck {
  allowed: boolean;
  riskAmount: Decimal; // this trade's loss at its stop, fees included
  riskPct: Decimal; // of the account size
  limits: LimitAfterStop[];
  /**
   * Largest size whose stop-out keeps every loss limit above its floor (0 when none fits);
   * null when nothing limits it: the stop is at the entry, or the profile has no loss limit.
   */
  maxSize: Decimal | null;
  reasons: string[];
}

function checkInput(t: ProposedTrade): number {
  for (const [name, v] of [['entry', t.entry], ['stop', t.stop], ['size', t.size], ['valuePerPoint', t.valuePerPoint]] as const) {
    if (!v.isFinite() || !v.gt(0)) throw new RangeError(`${name} must be more than 0`);
  }
  if (t.fees && t.fees.isNegative()) throw new RangeError('fees must be 0 or more');
  if (t.openRisk && t.openRisk.isNegative()) throw new RangeError('openRisk must be 0 or more');
  const precision = t.sizePrecision ?? 2;
  if (!Number.isInteger(precision) || precision < 0 || precision > 18) throw new RangeError('sizePrecision must be 0..18');
  return precision;
}

export function checkProposedTrade(profile: PropFirmProfile, account: AccountState, trade: ProposedTrade): TradeCheck {
  const precision = checkInput(trade);
  const fees = trade.fees ?? new Decimal(0);
  const openRisk = trade.openRisk ?? new Decimal(0);
  const perUnit = trade.entry.minus(trade.stop).abs().times(trade.valuePerPoint);
  const riskAmount = perUnit.times(trade.size).plus(fees);
  const status = evaluatePropFirmRules(profile, account);
  const reasons: string[] = [];
  if (status.failed) reasons.push('The account has already broken a rule that fails it.');
  if (status.dailyLoss?.state === 'locked_for_day') reasons.push('The daily loss limit was reached; trading resumes after the daily reset.');

  const rules = [status.dailyLoss, status.maxDrawdown].filter((r): r is LossRule => r !== null);
  const limits = rules.map((r) => {
    const headroomAfterStop = r.headroom.minus(openRisk).minus(riskAmount);
    return { rule: r.rule, headroom: r.headroom, headroomAfterStop, wouldBreach: headroomAfterStop.lte(0) };
  });
  for (const l of limits.filter((x) => x.wouldBreach)) {
    const name = l.rule === 'daily_loss' ? 'daily loss limit' : 'maximum drawdown';
    reasons.push(`If the stop is hit, the loss of ${riskAmount.toFixed(2)} would reach the ${name} (${l.headroom.minus(openRisk).toFixed(2)} left).`);
  }
  if (status.dailyTrades && status.dailyTrades.taken + 1 > status.dailyTrades.max) {
    reasons.push(`This would be trade ${status.dailyTrades.taken + 1} today; the limit is ${status.dailyTrades.max}.`);
  }

  let maxSize: Decimal | null = null;
  if (!perUnit.isZero()) {
    const room = rules.length ? Decimal.min(...rules.map((r) => r.headroom)).minus(openRisk).minus(fees) : null;
    if (room === null) maxSize = null;
    else if (room.lte(0)) maxSize = new Decimal(0);
    else {
      // Reaching a floor breaks the rule, so the stop-out must stay strictly above it.
      const step = new Decimal(1).div(new Decimal(10).pow(precision));
      let size = room.div(perUnit).toDecimalPlaces(precision, Decimal.ROUND_DOWN);
      if (size.times(perUnit).gte(room)) size = size.minus(step);
      maxSize = Decimal.max(size, 0);
    }
  } else reasons.push('The stop is at the entry price: the size is not limited by the stop distance. Set a stop.');

  return {
    allowed: reasons.length === 0,
    riskAmount,
    riskPct: riskAmount.div(profile.accountSize).times(100),
    limits,
    maxSize,
    reasons,
  };
}
