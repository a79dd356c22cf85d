import type { Timeframe } from '../types.ts';

const DAY_MS = 86_400_000;

export interface PeriodReturns {
  /** Simple returns between the last equity of consecutive periods (days, or weeks for weekly bars). */
  returns: Float64Array;
  /** 365 when the bars include weekends (crypto), 252 when they do not (stocks), 52 for weekly bars. */
  periodsPerYear: number;
}

/**
 * Equity resampled to calendar periods (last value of each UTC day, or week for '1w' bars;
 * periods without bars are skipped), then period-over-period returns — backtesting.py's method,
 * which makes Sharpe and Sortino comparable across timeframes (docs/backtest-metrics.md).
 */
export function computePeriodReturns(time: ArrayLike<number>, equity: ArrayLike<number>, timeframe?: Timeframe): PeriodReturns {
  const weekly = timeframe === '1w';
  const lastOfPeriod: number[] = [];
  let currentKey = Number.NaN;
  let weekendBars = 0;
  // The UTC day is worked out once per day, not per bar: a time in [dayStart, dayLast] (whole
  // milliseconds of that day, where the float division cannot round into the next day) shares
  // it; any other time, fractional or out of order, is worked out afresh as before.
  let dayStart = Number.NaN;
  let dayLast = Number.NaN;
  let weekend = 0;
  let key = Number.NaN;
  let last = Number.NaN;
  for (let i = 0; i < equity.length; i++) {
    const t = time[i];
    if (!(t >= dayStart && t <= dayLast)) {
      const day = Math.floor(t / DAY_MS);
      const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday, 6 = Saturday
      weekend = weekday === 0 || weekday === 6 ? 1 : 0;
      // Weeks end on Sunday, as pandas' 'W'.
      key = weekly ? Math.floor((day + 3) / 7) : day;
      dayStart = Math.abs(day) < 1e7 ? day * DAY_MS : Number.NaN;
      dayLast = dayStart + DAY_MS - 1;
    }
    weekendBars += weekend;
    // The period's last value stays in a local until the period ends (an array store per bar
    // was ~4 % of the SMA-cross fast path's profile).
    if (key === currentKey) last = equity[i];
    else {
      if (i > 0) lastOfPeriod.push(last);
      last = equity[i];
      currentKey = key;
    }
  }
  if (equity.length > 0) lastOfPeriod.push(last);
  const returns = new Float64Array(Math.max(0, lastOfPeriod.length - 1));
  for (let k = 1; k < lastOfPeriod.length; k++) returns[k - 1] = lastOfPeriod[k] / lastOfPeriod[k - 1] - 1;
  const hasWeekends = equity.length > 0 && weekendBars / equity.length > (2 / 7) * 0.6;
  return { returns, periodsPerYear: weekly ? 52 : hasWeekends ? 365 : 252 };
}
