/**
 * Wall-clock time in a tenant's time zone (recaps, trading hours, cross-promo posts), from the
 * platform's Intl data; no time-zone library needed.
 */
export interface LocalTime {
  date: string; // YYYY-MM-DD
  hour: number;
  minute: number;
  weekday: number; // 1 = Monday … 7 = Sunday
  offsetMinutes: number; // east of UTC
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute), weekday, offsetMinutes: Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000) };
}

/** The UTC instant of a local wall time (YYYY-MM-DD, HH:MM[:SS]) in a zone. */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  const [h, m, s] = time.split(':').map(Number);
  const guess = new Date(`${date}T00:00:00Z`).getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60_000 + (s ?? 0) * 1000;
  // Two passes settle the offset also on the day a DST change happens.
  let utc = guess - localTime(new Date(guess), timeZone).offsetMinutes * 60_000;
  utc = guess - localTime(new Date(utc), timeZone).offsetMinutes * 60_000;
  return new Date(utc);
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
