/**
 * Signals a signal bot has not consumed yet, from the providers it follows (bots.metadata
 * .signalProviderIds), newer than the bot itself. Consumption is recorded in
 * bot_signal_deliveries inside the tick's transaction: exactly once per bot.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { ExternalSignal } from '../../engines/types.ts';
import { Decimal } from '../../shared/money.ts';
import type { BotRow } from '../bots/bot-access.ts';

type Row = {
  bot_id: string;
  id: string;
  symbol: string;
  action: string;
  price: string | null;
  stop_loss: string | null;
  take_profit: string | null;
  metadata: Record<string, unknown> | null;
  created_at: Date | string;
};

export async function loadPendingSignals(tx: DbOrTx, signalBots: BotRow[]): Promise<Map<string, { id: string; signal: ExternalSignal }[]>> {
  const out = new Map<string, { id: string; signal: ExternalSignal }[]>();
  if (signalBots.length === 0) return out;
  const ids = signalBots.map((b) => b.id);
  const rows = await tx.execute<Row>(sql`
    select b.id as bot_id, s.id, s.symbol, s.action, s.price::text, s.stop_loss::text, s.take_profit::text, s.metadata, s.created_at
      from bots b
      join signals s on s.provider_id in (select jsonb_array_elements_text(coalesce(b.metadata->'signalProviderIds', '[]'::jsonb)))
     where b.id in ${ids}
       and s.created_at >= b.created_at
       and s.action in ('BUY', 'SELL')
       and not exists (select 1 from bot_signal_deliveries d where d.bot_id = b.id and d.signal_id = s.id)
     order by s.created_at
     limit 500`);
  for (const r of rows.rows) {
    const signal = toExternalSignal(r);
    if (!signal) continue;
    out.set(r.bot_id, [...(out.get(r.bot_id) ?? []), { id: r.id, signal }]);
  }
  return out;
}

/** The normalized signal kept in metadata.signal when present, else the row's columns. */
function toExternalSignal(r: Row): ExternalSignal | null {
  const n = (r.metadata?.signal ?? null) as { entries?: string[]; targets?: string[]; stopLoss?: string | null; entryType?: ExternalSignal['entryType']; leverage?: number | null } | null;
  const dec = (v: string | null | undefined) => (v === null || v === undefined ? null : new Decimal(v));
  const entries = n?.entries?.map((e) => new Decimal(e)) ?? (r.price ? [new Decimal(r.price)] : []);
  const targets = n?.targets?.map((t) => new Decimal(t)) ?? (r.take_profit ? [new Decimal(r.take_profit)] : []);
  return {
    id: r.id,
    symbol: r.symbol.includes('/') ? r.symbol : r.symbol.replace(/(USDT|USDC|USD|BTC|ETH)$/, '/$1'),
    direction: r.action === 'SELL' ? 'short' : 'long',
    entries,
    entryType: n?.entryType ?? (entries.length ? 'limit' : 'market'),
    targets,
    stopLoss: n && 'stopLoss' in n ? dec(n.stopLoss) : dec(r.stop_loss),
    leverage: n?.leverage ?? null,
    time: new Date(r.created_at).getTime(),
  };
}
