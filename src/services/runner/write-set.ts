/**
 * Everything a batch of ticks (or a manual close) changes, collected in memory and written in a
 * handful of statements inside one transaction: a batch of a hundred bots costs about as many
 * round trips as one.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import * as s from '../../db/schema/index.ts';
import type { Decimal } from '../../shared/money.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface PositionUpdate {
  id: string;
  quantity: Decimal;
  entryPrice: Decimal;
  currentPrice: Decimal;
  unrealizedPnl: Decimal;
  unrealizedPnlPercent: Decimal;
  fee: Decimal;
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
  status: 'open' | 'closed';
  exitPrice: Decimal | null;
  profitLoss: Decimal | null;
  profitLossPercent: Decimal | null;
  closeReason: string | null;
  closedAt: Date | null;
  holdingSeconds: number | null;
  metadata: Record<string, unknown>;
}

export interface BotUpdate {
  id: string;
  engineState: unknown;
  currentBalance: Decimal;
  lastExecutionAt: Date;
  lastCandleAt: Date | null;
  totalTrades: number;
  winningTrades: number;
  losingTrades: number;
  profit: Decimal;
  profitPercentage: Decimal;
  lastTradeAt: Date | null;
  consecutiveFailures: number;
  status: string;
  errorMessage: string | null;
}

export interface OrderUpdate {
  botId: string;
  tag: string;
  status: 'filled' | 'cancelled';
  filled: Decimal | null;
  averagePrice: Decimal | null;
  fee: Decimal | null;
  filledAt: Date | null;
}

/** A live order's state as the venue reports it, applied by id. */
export interface OrderSync {
  id: string;
  status: 'pending' | 'open' | 'filled' | 'cancelled' | 'failed';
  filled: Decimal;
  averagePrice: Decimal | null;
  fee: Decimal;
  filledAt: Date | null;
  exchangeOrderId: string | null;
  errorMessage: string | null;
}

export class WriteSet {
  executions: Insert<typeof s.executions>[] = [];
  orders: Insert<typeof s.orders>[] = [];
  orderUpdates: OrderUpdate[] = [];
  orderSyncs: OrderSync[] = [];
  trades: Insert<typeof s.trades>[] = [];
  positionsNew: Insert<typeof s.positions>[] = [];
  positionUpdates: PositionUpdate[] = [];
  botUpdates: BotUpdate[] = [];
  notifications: Insert<typeof s.notifications>[] = [];
  pumpDetections: Insert<typeof s.pumpDetections>[] = [];
  botExecutions: Insert<typeof s.botExecutions>[] = [];
  signalDeliveries: Insert<typeof s.botSignalDeliveries>[] = [];
  logs: Insert<typeof s.logs>[] = [];

  /** Round trips this flush will make (for the benchmark's figure). */
  statementCount(): number {
    const lists = [this.executions, this.orders, this.orderUpdates, this.orderSyncs, this.trades, this.positionsNew, this.positionUpdates, this.botUpdates, this.notifications, this.pumpDetections, this.botExecutions, this.signalDeliveries, this.logs];
    return lists.filter((l) => l.length > 0).length;
  }

  async flush(tx: DbOrTx): Promise<void> {
    // parents first: positions before orders and trades that reference them
    await bulkInsert(tx, s.positions, this.positionsNew);
    await bulkInsert(tx, s.executions, this.executions, { onConflictDoNothing: true });
    await bulkInsert(tx, s.orders, this.orders);
    if (this.orderUpdates.length) await updateOrders(tx, this.orderUpdates);
    if (this.orderSyncs.length) await syncOrders(tx, this.orderSyncs);
    await bulkInsert(tx, s.trades, this.trades);
    if (this.positionUpdates.length) await updatePositions(tx, this.positionUpdates);
    if (this.botUpdates.length) await updateBots(tx, this.botUpdates);
    await bulkInsert(tx, s.notifications, this.notifications);
    await bulkInsert(tx, s.pumpDetections, this.pumpDetections);
    await bulkInsert(tx, s.botExecutions, this.botExecutions);
    await bulkInsert(tx, s.botSignalDeliveries, this.signalDeliveries, { onConflictDoNothing: true });
    await bulkInsert(tx, s.logs, this.logs);
  }
}

const dec = (d: Decimal | null) => (d === null ? null : d.toFixed());
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

async function updateOrders(tx: DbOrTx, rows: OrderUpdate[]): Promise<void> {
  const payload = JSON.stringify(rows.map((r) => ({ bot_id: r.botId, tag: r.tag, status: r.status, filled: dec(r.filled), average_price: dec(r.averagePrice), fee: dec(r.fee), filled_at: iso(r.filledAt) })));
  await tx.execute(sql`
    update orders o set
      status = v.status,
      filled = coalesce(v.filled::numeric, o.filled),
      average_price = coalesce(v.average_price::numeric, o.average_price),
      fee = coalesce(v.fee::numeric, o.fee),
      filled_at = coalesce(v.filled_at::timestamptz, o.filled_at),
      updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as v(bot_id text, tag text, status text, filled text, average_price text, fee text, filled_at text)
    where o.bot_id = v.bot_id and o.tag = v.tag and o.status = 'open'`);
}

async function syncOrders(tx: DbOrTx, rows: OrderSync[]): Promise<void> {
  const payload = JSON.stringify(rows.map((r) => ({ id: r.id, status: r.status, filled: r.filled.toFixed(), average_price: dec(r.averagePrice), fee: r.fee.toFixed(), filled_at: iso(r.filledAt), exchange_order_id: r.exchangeOrderId, error_message: r.errorMessage })));
  await tx.execute(sql`
    update orders o set status = v.status, filled = v.filled::numeric, average_price = v.average_price::numeric, fee = v.fee::numeric,
      filled_at = v.filled_at::timestamptz, exchange_order_id = coalesce(v.exchange_order_id, o.exchange_order_id),
      error_message = coalesce(v.error_message, o.error_message), updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as v(id text, status text, filled text, average_price text, fee text, filled_at text, exchange_order_id text, error_message text)
    where o.id = v.id`);
}

async function updatePositions(tx: DbOrTx, rows: PositionUpdate[]): Promise<void> {
  const payload = JSON.stringify(
    rows.map((r) => ({
      id: r.id, quantity: r.quantity.toFixed(), entry_price: r.entryPrice.toFixed(), current_price: r.currentPrice.toFixed(),
      unrealized_pnl: r.unrealizedPnl.toFixed(), unrealized_pnl_percent: r.unrealizedPnlPercent.toFixed(), fee: r.fee.toFixed(),
      stop_loss: dec(r.stopLoss), take_profit: dec(r.takeProfit), status: r.status, exit_price: dec(r.exitPrice), profit_loss: dec(r.profitLoss),
      profit_loss_percent: dec(r.profitLossPercent), close_reason: r.closeReason, closed_at: iso(r.closedAt), holding_seconds: r.holdingSeconds, metadata: r.metadata,
    })),
  );
  await tx.execute(sql`
    update positions p set
      quantity = v.quantity::numeric, entry_price = v.entry_price::numeric, current_price = v.current_price::numeric,
      unrealized_pnl = v.unrealized_pnl::numeric, unrealized_pnl_percent = v.unrealized_pnl_percent::numeric, fee = v.fee::numeric,
      stop_loss = v.stop_loss::numeric, take_profit = v.take_profit::numeric, status = v.status, exit_price = v.exit_price::numeric,
      profit_loss = v.profit_loss::numeric, profit_loss_percent = v.profit_loss_percent::numeric, close_reason = v.close_reason,
      closed_at = v.closed_at::timestamptz, holding_duration = case when v.holding_seconds is null then null else make_interval(secs => v.holding_seconds) end,
      metadata = v.metadata, updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as v(id text, quantity text, entry_price text, current_price text, unrealized_pnl text,
      unrealized_pnl_percent text, fee text, stop_loss text, take_profit text, status text, exit_price text, profit_loss text,
      profit_loss_percent text, close_reason text, closed_at text, holding_seconds double precision, metadata jsonb)
    where p.id = v.id`);
}

async function updateBots(tx: DbOrTx, rows: BotUpdate[]): Promise<void> {
  const payload = JSON.stringify(
    rows.map((r) => ({
      id: r.id, engine_state: r.engineState, current_balance: r.currentBalance.toFixed(), last_execution_at: r.lastExecutionAt.toISOString(),
      last_candle_at: iso(r.lastCandleAt), total_trades: r.totalTrades, winning_trades: r.winningTrades, losing_trades: r.losingTrades,
      profit: r.profit.toFixed(), profit_percentage: r.profitPercentage.toFixed(), last_trade_at: iso(r.lastTradeAt),
      consecutive_failures: r.consecutiveFailures, status: r.status, error_message: r.errorMessage,
    })),
  );
  await tx.execute(sql`
    update bots b set
      engine_state = v.engine_state, current_balance = v.current_balance::numeric, last_execution_at = v.last_execution_at::timestamptz,
      last_candle_at = v.last_candle_at::timestamptz, total_trades = v.total_trades, winning_trades = v.winning_trades,
      losing_trades = v.losing_trades, profit = v.profit::numeric, profit_percentage = v.profit_percentage::numeric,
      last_trade_at = v.last_trade_at::timestamptz, consecutive_failures = v.consecutive_failures, status = v.status,
      error_message = v.error_message, updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as v(id text, engine_state jsonb, current_balance text, last_execution_at text,
      last_candle_at text, total_trades int, winning_trades int, losing_trades int, profit text, profit_percentage text,
      last_trade_at text, consecutive_failures int, status text, error_message text)
    where b.id = v.id`);
}
