/**
 * Typed per-tenant settings over the key/value tables forex_config and bot_config. Each key
 * has a zod type and a default, so a missing or unparseable row reads as the default and a
 * write is validated before it lands. Keys are documented in docs/communities.md.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { botConfig, forexConfig } from '../../db/schema/index.ts';

const num = (def: number, min: number, max: number) => z.coerce.number().min(min).max(max).catch(def).default(def);
const hour = (def: number) => z.coerce.number().int().min(0).max(24).catch(def).default(def);
const text = (def: string) => z.string().catch(def).default(def);
const flag = (def: boolean) => z.preprocess((v) => (typeof v === 'string' ? ['true', '1', 'yes', 'on'].includes(v.toLowerCase()) : v), z.boolean()).catch(def).default(def);

export const forexSettingsSchema = z.object({
  active_strategy: z.enum(['off', 'rsi_adx']).catch('off').default('off'),
  symbol: text('XAU/USD'),
  /** Venue the candles come from ('' = DEFAULT_EXCHANGE). */
  market_venue: text(''),
  timeframe: z.enum(['15min', '1h']).catch('1h').default('1h'),
  /** Candles the price follower reads (finer than the signal timeframe). */
  follow_timeframe: z.enum(['1m', '5m', '15m']).catch('5m').default('5m'),
  rsi_period: num(14, 2, 100),
  rsi_oversold: num(30, 1, 50),
  rsi_overbought: num(70, 50, 99),
  adx_period: num(14, 2, 100),
  adx_min_strength: num(20, 0, 100),
  atr_period: num(14, 2, 100),
  sl_multiplier: num(1.5, 0.1, 20),
  tp_multiplier: num(1, 0.1, 20),
  trading_hours_start: hour(0),
  trading_hours_end: hour(24),
  /** '' = from the symbol (0.1 for XAU, 0.01 for JPY pairs, 0.0001 for other FX, 0.01 otherwise). */
  pip_size: text(''),
  breakeven_after_tp: z.coerce.number().int().min(0).max(3).catch(1).default(1),
  signal_expiry_hours: num(72, 1, 24 * 30),
});
export type ForexSettings = z.output<typeof forexSettingsSchema>;

export const botSettingsSchema = z.object({
  welcome_message: text('Welcome! You will receive our updates here.'),
  coupon_prefix: text(''),
  coupon_discount_percent: num(10, 1, 100),
  vip_invite_hours: num(24, 1, 24 * 7),
  recaps_enabled: flag(true),
  checkout_success_url: text(''),
  checkout_cancel_url: text(''),
  vip_trial_days: num(0, 0, 90),
  morning_news_text: text('Good morning! Markets are open. Stay disciplined and follow the plan.'),
  vip_teaser_text: text('Our VIP members got these results. Join them:'),
});
export type BotSettings = z.output<typeof botSettingsSchema>;

type Table = typeof forexConfig | typeof botConfig;

async function readRows(db: DbOrTx, table: Table, tenantId: string): Promise<Record<string, string>> {
  const rows = await db.select({ key: table.settingKey, value: table.settingValue }).from(table).where(eq(table.tenantId, tenantId));
  return Object.fromEntries(rows.filter((r) => r.value !== null && r.value !== '').map((r) => [r.key, r.value as string]));
}

export async function readForexSettings(db: DbOrTx, tenantId: string): Promise<ForexSettings> {
  return forexSettingsSchema.parse(await readRows(db, forexConfig, tenantId));
}

export async function readBotSettings(db: DbOrTx, tenantId: string): Promise<BotSettings> {
  return botSettingsSchema.parse(await readRows(db, botConfig, tenantId));
}

/** Pip size for a symbol unless the tenant set one. */
export function pipSizeFor(symbol: string, override: string): string {
  if (override && /^\d+(\.\d+)?$/.test(override) && Number(override) > 0) return override;
  const [base, quote] = symbol.toUpperCase().split('/');
  if (base === 'XAU') return '0.1';
  if (quote === 'JPY') return '0.01';
  const fiat = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'NZD'];
  if (fiat.includes(base) && fiat.includes(quote ?? '')) return '0.0001';
  return '0.01';
}
