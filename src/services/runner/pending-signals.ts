/**
 * Signals a signal bot has not consumed yet, from the providers it follows (bots.metadata
 * .signalProviderIds), newer than the bot itself. Only accepted signals (entries, and exits that close
 * trades) that are still
 * unprocessed are read, through the [processed, createdAt] queue index; consumption is recorded
 * in bot_signal_deliveries inside the tick's transaction, so each signal reaches each bot
 * exactly once whatever the number of workers. settleProcessedSignals (below) marks a signal
 * processed once every bot that follows its provider has it, or once it is a day old.
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
  normalized: NormalizedFields | null;
  created_at: Date | string;
};

/** The fields of signals.normalized (src/services/signals/read-signal-body.ts) the engine uses. */
type NormalizedFields = { kind?: 'entry' | 'exit'; direction?: 'long' | 'short'; entries?: string[]; targets?: string[]; stopLoss?: string | null; entryType?: string; leverage?: number | null };

export async function loadPendingSignals(tx: DbOrTx, signalBots: BotRow[]): Promise<Map<string, { id: string; signal: ExternalSignal }[]>> {
  const out = new Map<string, { id: string; signal: ExternalSignal }[]>();
  if (signalBots.length === 0) return out;
  const ids = signalBots.map((b) => b.id);
  const rows = await tx.execute<Row>(sql`
    select b.id as bot_id, s.id, s.symbol, s.action, s.price::text, s.stop_loss::text, s.take_profit::text, s.normalized, s.created_at
      from bots b
      join signals s on s.provider_id in (select jsonb_array_elements_text(coalesce(b.metadata->'signalProviderIds', '[]'::jsonb)))
     where b.id in ${ids}
       and s.processed = false
       and s.status = 'accepted'
       and s.created_at >= b.created_at
       and s.action in ('BUY', 'SELL')
       and not exists (select 1 from bot_signal_deliveries d where d.bot_id = b.id and d.signal_id = s.id)
     order by s.created_at
     limit 500`);
  for (const r of rows.rows) {
    const signal = toExternalSignal(r);
    const list = out.get(r.bot_id);
    if (list) list.push({ id: r.id, signal });
    else out.set(r.bot_id, [{ id: r.id, signal }]);
  }
  return out;
}

const ENTRY_TYPES = new Set(['market', 'limit', 'breakout_above', 'breakout_below']);

/** The normalized signal when present (every ingested row has one), else the row's columns. */
function toExternalSignal(r: Row): ExternalSignal {
  const n = r.normalized;
  const dec = (v: string | null | undefined) => (v === null || v === undefined ? null : new Decimal(v));
  const entries = n?.entries?.map((e) => new Decimal(e)) ?? (r.price ? [new Decimal(r.price)] : []);
  const targets = n?.targets?.map((t) => new Decimal(t)) ?? (r.take_profit ? [new Decimal(r.take_profit)] : []);
  const entryType = n?.entryType && ENTRY_TYPES.has(n.entryType) ? (n.entryType as ExternalSignal['entryType']) : entries.length ? 'limit' : 'market';
  return {
    id: r.id,
    symbol: r.symbol.includes('/') ? r.symbol : r.symbol.replace(/(USDT|USDC|USD|BTC|ETH)$/, '/$1'),
    // an exit names the direction it closes; an entry's direction follows its action
    direction: n?.kind === 'exit' ? (n.direction ?? 'long') : r.action === 'SELL' ? 'short' : 'long',
    entries,
    entryType,
    targets,
    stopLoss: n && 'stopLoss' in n ? dec(n.stopLoss) : dec(r.stop_loss),
    leverage: n?.leverage ?? null,
    time: new Date(r.created_at).getTime(),
    kind: n?.kind === 'exit' ? 'exit' : 'entry',
  };
}

/**
 * Mark accepted signals processed once every active signal bot following their provider (and
 * older than the signal) has consumed them, or once they are a day old (a bot started later
 * must not act on stale calls). Returns how many were marked.
 */
export async function settleProcessedSignals(db: DbOrTx, now: Date): Promise<number> {
  const result = await db.execute(sql`
    update signals s set processed = true
     where s.id in (
       select s2.id from signals s2
        where s2.processed = false
          and (s2.created_at < ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz
               or not exists (
                 select 1 from bots b
                  where b.type = 'signal' and b.status = 'active' and b.created_at <= s2.created_at
                    and b.metadata->'signalProviderIds' ? s2.provider_id
                    and not exists (select 1 from bot_signal_deliveries d where d.bot_id = b.id and d.signal_id = s2.id)))
        order by s2.created_at
        limit 5000)`);
  return result.rowCount ?? 0;
}
