/**
 * The starts of the last n days, weeks (Mondays, like Postgres date_trunc) or months in a time
 * zone, newest first, as YYYY-MM-DD: the rows /daily, /weekly and /monthly show, with or
 * without trades. Calendar arithmetic runs on the local date, so DST changes do not matter.
 */
export type Period = 'day' | 'week' | 'month';

export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function periodStarts(period: Period, count: number, now: Date, timeZone: string): string[] {
  const [y, m, d] = localDate(now, timeZone).split('-').map(Number);
  const today = new Date(Date.UTC(y, m - 1, d));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let start: Date;
    if (period === 'day') start = new Date(Date.UTC(y, m - 1, d - i));
    else if (period === 'week') {
      const sinceMonday = (today.getUTCDay() + 6) % 7;
      start = new Date(Date.UTC(y, m - 1, d - sinceMonday - 7 * i));
    } else start = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(start.toISOString().slice(0, 10));
  }
  return out;
}
