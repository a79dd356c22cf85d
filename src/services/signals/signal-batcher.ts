/**
 * Group commit for the webhook hot path. Each request still waits for its own row to be
 * committed before it is answered, but requests that arrive while earlier inserts are in
 * flight are written together: one multi-row INSERT, one commit (one WAL flush) for all of
 * them. At low load a request is written alone, at once; at 1,000 requests/s a handful share a
 * commit, which is what keeps the ack latency low on a durable (fsync on) Postgres.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { NormalizedSignal } from './read-signal-body.ts';

export interface SignalRow {
  id: string;
  providerId: string;
  now: Date;
  storedBody: string;
  format: string;
  key: string;
  /** Counts as a duplicate too (the previous body-hash bucket). */
  previousKey: string | null;
  signal: NormalizedSignal | null;
  rejectReason: string | null;
  rejectedSymbol: string | null;
}

const MAX_CONCURRENT_FLUSHES = 4;
const MAX_BATCH = 250;

interface Pending {
  row: SignalRow;
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

class SignalBatcher {
  private queue: Pending[] = [];
  private inflight = 0;
  constructor(private readonly db: Db) {}

  insert(row: SignalRow): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inflight < MAX_CONCURRENT_FLUSHES && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inflight += 1;
      insertSignalRows(this.db, batch.map((p) => p.row))
        .then((inserted) => batch.forEach((p) => p.resolve(inserted.has(p.row.id))))
        .catch((error: unknown) => batch.forEach((p) => p.reject(error)))
        .finally(() => {
          this.inflight -= 1;
          this.pump();
        });
    }
  }
}

const batchers = new WeakMap<object, SignalBatcher>();

/** Insert through the process's batcher for this database; resolves once committed. */
export function insertSignalBatched(db: Db, row: SignalRow): Promise<boolean> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new SignalBatcher(db)));
  return batcher.insert(row);
}

function values(r: SignalRow): SQL {
  const s = r.signal;
  const metadata = s ? JSON.stringify({ exchange: s.exchange, leverage: s.leverage, notes: s.notes }) : null;
  return sql`(${r.id}, ${r.providerId}, ${s?.symbol ?? r.rejectedSymbol}, ${s?.action ?? null}, ${s?.entries[0] ?? null}, ${s?.stopLoss ?? null},
    ${s?.targets[0] ?? null}, ${metadata}, ${s === null ? 'true' : 'false'}, ${r.now.toISOString()}, ${s ? 'accepted' : 'rejected'}, ${s?.kind ?? 'entry'},
    ${r.format}, ${r.rejectReason}, ${r.key}, ${r.storedBody}, ${s ? JSON.stringify(s) : null}, ${r.previousKey})`;
}

/**
 * One statement: insert the rows whose key (and previous body bucket's key) is not stored yet.
 * Returns the ids that were inserted; the others were duplicates.
 */
export async function insertSignalRows(db: DbOrTx, rows: SignalRow[]): Promise<Set<string>> {
  const result = await db.execute<{ id: string }>(sql`
    insert into signals (id, provider_id, symbol, action, price, stop_loss, take_profit, metadata, processed, created_at,
                         status, kind, format, reject_reason, idempotency_key, raw_body, normalized)
    select v.id, v.provider_id, v.symbol, v.action, v.price::numeric, v.stop_loss::numeric, v.take_profit::numeric, v.metadata::jsonb,
           v.processed::boolean, v.created_at::timestamptz, v.status, v.kind, v.format, v.reject_reason, v.idempotency_key, v.raw_body, v.normalized::jsonb
      from (values ${sql.join(rows.map(values), sql`, `)}) as v(id, provider_id, symbol, action, price, stop_loss, take_profit, metadata, processed,
            created_at, status, kind, format, reject_reason, idempotency_key, raw_body, normalized, previous_key)
     where v.previous_key is null
        or not exists (select 1 from signals s where s.provider_id = v.provider_id and s.idempotency_key = v.previous_key)
    on conflict (provider_id, idempotency_key) do nothing
    returning id`);
  return new Set(result.rows.map((r) => r.id));
}
