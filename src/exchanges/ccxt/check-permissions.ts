/**
 * A key that can withdraw is refused: Tradewire only ever needs to read and trade. Each venue
 * reports key permissions through its own private endpoint (through ccxt's implicit API).
 */
import type { Exchange } from 'ccxt';
import { ExchangeError } from '../types.ts';
import { translateCcxtError } from './translate-error.ts';

export interface KeyPermissions {
  canRead: boolean;
  canTrade: boolean;
  canWithdraw: boolean;
  raw: string[];
}

type Api = Record<string, (params?: Record<string, unknown>) => Promise<any>>;

export async function readKeyPermissions(exchange: Exchange): Promise<KeyPermissions> {
  const api = exchange as unknown as Api;
  try {
    if (exchange.id === 'binance') {
      const r = await api.sapiGetAccountApiRestrictions();
      const raw = Object.entries(r).filter(([k, v]) => k.startsWith('enable') && v === true).map(([k]) => k);
      return { canRead: r.enableReading === true, canTrade: r.enableSpotAndMarginTrading === true, canWithdraw: r.enableWithdrawals === true, raw };
    }
    if (exchange.id === 'okx') {
      const r = await api.privateGetAccountConfig();
      const perm = String(r?.data?.[0]?.perm ?? '');
      const raw = perm.split(',').map((p) => p.trim()).filter(Boolean);
      return { canRead: raw.includes('read_only') || raw.length > 0, canTrade: raw.includes('trade'), canWithdraw: raw.includes('withdraw'), raw };
    }
    if (exchange.id === 'bybit') {
      const r = await api.privateGetV5UserQueryApi();
      const result = r?.result ?? {};
      const perms = (result.permissions ?? {}) as Record<string, string[]>;
      const raw = Object.entries(perms).flatMap(([group, list]) => (list ?? []).map((p) => `${group}:${p}`));
      const canWithdraw = raw.some((p) => /withdraw/i.test(p));
      return { canRead: true, canTrade: String(result.readOnly) === '0' && (perms.Spot ?? []).length > 0, canWithdraw, raw };
    }
  } catch (error) {
    throw translateCcxtError(error, exchange.id, [exchange.apiKey, exchange.secret, exchange.password]);
  }
  throw new ExchangeError('unknown', `Permission check is not implemented for ${exchange.id}.`, false);
}
