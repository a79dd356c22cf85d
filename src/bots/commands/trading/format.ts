/** How trading figures read in a chat: amounts, signed P&L, percentages, times, short references. */
import { Decimal } from '../../../shared/money.ts';

const TYPE_LABELS: Record<string, string> = {
  ai: 'AI', signal: 'Signal', dca: 'DCA', grid: 'Grid', arbitrage: 'Arbitrage', pump_screener: 'Pump screener', scalping: 'Scalping', combo: 'Combo',
};

/** Lookups by words people type use own keys only ('constructor' is not a bot kind). */
export const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);

export const typeLabel = (type: string) => own(TYPE_LABELS, type) ?? type;

const STATUS_ICONS: Record<string, string> = { active: '🟢', paused: '⏸', inactive: '⚪', error: '🔴' };
export const statusIcon = (status: string) => own(STATUS_ICONS, status) ?? '•';

function dec(value: string | number | null | undefined): Decimal | null {
  if (value === null || value === undefined) return null;
  try {
    const d = new Decimal(value);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** An amount with `dp` decimals (more for small prices), without exponent notation. */
export function amount(value: string | number | null | undefined, dp = 2): string {
  const d = dec(value);
  if (!d) return '–';
  const places = d.abs().lt(1) && !d.isZero() ? Math.max(dp, 6) : dp;
  return d.toDecimalPlaces(places).toFixed();
}

/** A price: as many decimals as it needs, at most 8. */
export function price(value: string | number | null | undefined): string {
  const d = dec(value);
  return d ? d.toDecimalPlaces(d.abs().gte(1000) ? 2 : d.abs().gte(1) ? 4 : 8).toFixed() : '–';
}

/** P&L with its sign: +12.30, −4.10. */
export function signed(value: string | number | null | undefined, dp = 2): string {
  const d = dec(value);
  if (!d) return '–';
  const rounded = d.toDecimalPlaces(dp);
  const text = rounded.abs().toFixed(dp);
  return rounded.isZero() ? text : rounded.isNeg() ? `−${text}` : `+${text}`;
}

export function percent(value: string | number | null | undefined, dp = 2): string {
  return value === null || value === undefined ? '–' : `${signed(value, dp)} %`;
}

/** A plain ratio or share (win rate 57.1 %, profit factor 1.84). */
export function ratio(value: number | null | undefined, dp = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(dp);
}

/** "2026-03-02 09:15" in the person's time zone. */
export function localTime(at: Date | string | null | undefined, timeZone = 'UTC'): string {
  if (!at) return '–';
  const d = new Date(at);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Positions are shown as # and the last 6 characters of their id; /forceexit accepts either. */
export const shortRef = (id: string) => `#${id.slice(-6)}`;

const QUOTES = ['USDT', 'USDC', 'FDUSD', 'BUSD', 'DAI', 'BTC', 'ETH', 'BNB', 'EUR', 'USD'];

/** 'BTC/USDT' from a venue symbol ('BTCUSDT', 'BTC-USDT') when the quote is a known one. */
export function pairOf(symbol: string): string {
  if (symbol.includes('/')) return symbol;
  const plain = symbol.replace(/[-_]/g, '').toUpperCase();
  const quote = QUOTES.find((q) => plain.endsWith(q) && plain.length > q.length);
  return quote ? `${plain.slice(0, -quote.length)}/${quote}` : symbol;
}

export function quoteOf(pair: string | null | undefined): string {
  return pair ? (pairOf(pair).split('/')[1] ?? '') : '';
}

/** Escape-free truncation for button labels. */
export const label = (text: string, max = 40) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
