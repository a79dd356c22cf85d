/** Display formats for the console (UTC everywhere; staff work across time zones). */
import { Decimal } from '../../shared/money.ts';

export function fmtTime(d: Date | string | null | undefined): string {
  if (!d) return '—';
  const date = d instanceof Date ? d : new Date(d);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function fmtDay(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : '—';
}

export function fmtMoney(value: Decimal | string | number | null | undefined, places = 2): string {
  if (value === null || value === undefined) return '—';
  const fixed = new Decimal(value).toFixed(places);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

export function fmtSigned(value: Decimal | string | number | null | undefined, places = 2): string {
  if (value === null || value === undefined) return '—';
  const d = new Decimal(value);
  return `${d.isPositive() && !d.isZero() ? '+' : ''}${fmtMoney(d, places)}`;
}

export function personName(u: { fullName?: string | null; firstName?: string | null; lastName?: string | null; email?: string | null }): string {
  return u.fullName ?? ([u.firstName, u.lastName].filter(Boolean).join(' ') || u.email || '(no name)');
}

/** A date-time-local input value for a Date (UTC). */
export function dateInputValue(d: Date): string {
  return d.toISOString().slice(0, 10);
}
