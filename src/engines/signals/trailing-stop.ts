/**
 * Trailing-stop rules of a signal trade (Cornix's trailing modes), as one pure step: given
 * what has happened so far, where should the stop be now? A stop only ever tightens: a rule
 * never moves it back towards a bigger loss.
 */
import { Decimal } from '../../shared/money.ts';

export type TrailingStopRule =
  | { mode: 'none' }
  /** After target N is hit, the stop moves to the entry price. */
  | { mode: 'breakeven'; afterTarget: number }
  /** TP1 hit → stop to entry, TP2 hit → stop to TP1, TP3 hit → stop to TP2, … */
  | { mode: 'moving_target' }
  /** The same, two targets behind: TP2 hit → stop to entry, TP3 hit → stop to TP1, … */
  | { mode: 'moving_2_target' }
  /** After each target hit, the stop sits `percent` below (long) / above (short) the last target hit. */
  | { mode: 'percent_below_triggers'; percent: Decimal }
  /**
   * From target `afterTarget` on (0 = as soon as the entry fills), the stop follows the best
   * price since entry at `percent` behind it.
   */
  | { mode: 'percent_below_highest'; percent: Decimal; afterTarget?: number };

export interface TrailingStopState {
  direction: 'long' | 'short';
  entryPrice: Decimal; // average entry
  targets: Decimal[]; // TP1 first
  targetsHit: number; // how many targets have been hit so far
  currentStop: Decimal | null;
  /** Highest price since entry for a long, lowest for a short (percent_below_highest). */
  bestPrice?: Decimal | null;
}

/** The stop that risks less of the two (higher for a long, lower for a short). */
export function tighterStop(direction: 'long' | 'short', a: Decimal | null, b: Decimal | null): Decimal | null {
  if (!a) return b;
  if (!b) return a;
  return direction === 'long' ? Decimal.max(a, b) : Decimal.min(a, b);
}

function behind(direction: 'long' | 'short', price: Decimal, percent: Decimal): Decimal {
  const shift = price.times(percent).div(100);
  return direction === 'long' ? price.minus(shift) : price.plus(shift);
}

/** The level a target-stepping rule points at after `hit` targets, `lag` targets behind. */
function steppedLevel(s: TrailingStopState, lag: number): Decimal | null {
  const k = Math.min(s.targetsHit, s.targets.length);
  if (k < lag) return null;
  return k === lag ? s.entryPrice : s.targets[k - lag - 1];
}

function proposedStop(rule: TrailingStopRule, s: TrailingStopState): Decimal | null {
  switch (rule.mode) {
    case 'none':
      return null;
    case 'breakeven':
      return s.targetsHit >= rule.afterTarget ? s.entryPrice : null;
    case 'moving_target':
      return steppedLevel(s, 1);
    case 'moving_2_target':
      return steppedLevel(s, 2);
    case 'percent_below_triggers': {
      const k = Math.min(s.targetsHit, s.targets.length);
      return k >= 1 ? behind(s.direction, s.targets[k - 1], rule.percent) : null;
    }
    case 'percent_below_highest': {
      const from = rule.afterTarget ?? 1;
      return s.targetsHit >= from && s.bestPrice ? behind(s.direction, s.bestPrice, rule.percent) : null;
    }
  }
}

/** Where the stop should be now: the rule's level when it tightens the current stop, else the current stop. */
export function computeTrailingStop(rule: TrailingStopRule, state: TrailingStopState): Decimal | null {
  if ('percent' in rule && (rule.percent.isNegative() || rule.percent.gte(100))) {
    throw new RangeError(`trailing percent must be between 0 and 100, got ${rule.percent.toFixed()}`);
  }
  return tighterStop(state.direction, state.currentStop, proposedStop(rule, state));
}
