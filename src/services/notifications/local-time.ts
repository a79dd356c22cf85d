/** Wall-clock arithmetic in a user's time zone, with Intl only (no tz database package). */
export interface LocalParts { year: number; month: number; day: number; hour: number; minute: number }

const formatters = new Map<string, Intl.DateTimeFormat>();

export function safeTimeZone(tz: string | null | undefined): string {
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

export function localParts(at: Date, tz: string): LocalParts {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour % 24, minute: +p.minute };
}

/** The instant when the clock in `tz` shows the given local date and hour. */
export function zonedInstant(tz: string, year: number, month: number, day: number, hour: number): Date {
  const wanted = Date.UTC(year, month - 1, day, hour);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), tz);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    if (shown === wanted) break;
    guess += wanted - shown;
  }
  return new Date(guess);
}

export function inQuietHours(hour: number, start: number, end: number): boolean {
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

/** Start of the current local hour. */
export function hourCutoff(now: Date, tz: string): Date {
  const p = localParts(now, tz);
  return zonedInstant(tz, p.year, p.month, p.day, p.hour);
}

/** The latest local `digestHour`:00 at or before now. */
export function dailyCutoff(now: Date, tz: string, digestHour: number): Date {
  const p = localParts(now, tz);
  const today = zonedInstant(tz, p.year, p.month, p.day, digestHour);
  if (today <= now) return today;
  const y = new Date(Date.UTC(p.year, p.month - 1, p.day) - 86_400_000);
  return zonedInstant(tz, y.getUTCFullYear(), y.getUTCMonth() + 1, y.getUTCDate(), digestHour);
}
