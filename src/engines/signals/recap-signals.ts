/**
 * Daily and weekly recaps of finished signals ("This week: 12 signals, 9 wins, 75 % win rate,
 * +340 pips"). A win is a signal that closed with a positive result, a loss one that closed
 * negative; a signal closed at exactly 0 (breakeven) is neither, and the win rate is
 * wins / (wins + losses), so moving stops to breakeven does not dilute it. Weeks start on Monday.
 */
import { Decimal } from '../../shared/money.ts';
import { groupBy } from '../../shared/group-by.ts';

export interface FinishedSignal {
  closedAt: number; // epoch ms
  pips: Decimal;
  pct: Decimal;
}

export interface SignalRecap {
  /** First day of the period, YYYY-MM-DD, in the recap's time zone offset. */
  period: string;
  periodStart: number; // epoch ms of that day's 00:00 in the offset
  signals: number;
  wins: number;
  losses: number;
  breakeven: number;
  winRatePct: Decimal | null; // null when every signal was breakeven
  pips: Decimal;
  pct: Decimal;
  bestPips: Decimal;
  worstPips: Decimal;
}

export interface RecapOptions {
  period: 'day' | 'week';
  /** Minutes east of UTC the channel counts its days in (e.g. 120 for UTC+2). Default 0. */
  utcOffsetMinutes?: number;
}

const DAY_MS = 86_400_000;

function periodStartOf(time: number, period: 'day' | 'week', offsetMs: number): number {
  const localDay = Math.floor((time + offsetMs) / DAY_MS) * DAY_MS;
  if (period === 'day') return localDay - offsetMs;
  const weekday = (new Date(localDay).getUTCDay() + 6) % 7; // Monday = 0
  return localDay - weekday * DAY_MS - offsetMs;
}

export function recapSignals(signals: FinishedSignal[], options: RecapOptions): SignalRecap[] {
  const offsetMs = (options.utcOffsetMinutes ?? 0) * 60_000;
  const groups = groupBy(signals, (s) => periodStartOf(s.closedAt, options.period, offsetMs));
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, group]) => {
      const wins = group.filter((s) => s.pips.gt(0)).length;
      const losses = group.filter((s) => s.pips.lt(0)).length;
      const sum = (pick: (s: FinishedSignal) => Decimal): Decimal => group.reduce((a, s) => a.plus(pick(s)), new Decimal(0));
      return {
        period: new Date(start + offsetMs).toISOString().slice(0, 10),
        periodStart: start,
        signals: group.length,
        wins,
        losses,
        breakeven: group.length - wins - losses,
        winRatePct: wins + losses === 0 ? null : new Decimal(wins).div(wins + losses).times(100),
        pips: sum((s) => s.pips),
        pct: sum((s) => s.pct),
        bestPips: Decimal.max(...group.map((s) => s.pips)),
        worstPips: Decimal.min(...group.map((s) => s.pips)),
      };
    });
}
