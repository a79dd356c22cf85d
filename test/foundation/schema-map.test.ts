import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const map = readFileSync(path.join(root, 'docs/schema-map.md'), 'utf8');
const rows = map
  .split('\n')
  .filter((l) => /^\| *0[0-4][0-9]_[0-9a-f]+\.txt *\|/.test(l))
  .map((l) => l.split('|').map((c) => c.trim()))
  .map((c) => ({ seedFile: c[1], seedTable: c[2], unified: c[3], note: c[4] }));
const migrationsSql = readdirSync(path.join(root, 'migrations'))
  .filter((f) => f.endsWith('.sql'))
  .map((f) => readFileSync(path.join(root, 'migrations', f), 'utf8'))
  .join('\n');
// The five seed documents (../shared/seeds/); named here so the test runs in a clone without them.
const seedFiles = ['000_ca59866b106b3d7b.txt', '001_ce10a5bd2901ee2c.txt', '002_51bcd30091d462e6.txt', '003_9ff415dced1d9460.txt', '004_5a6a3357daba419e.txt'];

const t = useTestDatabase();

describe('docs/schema-map.md', () => {
  it('has one row per (seed file, seed table): 112 pairs over 102 names', () => {
    expect(rows).toHaveLength(112);
    const pairs = new Set(rows.map((r) => `${r.seedFile}/${r.seedTable}`));
    expect(pairs.size).toBe(112);
    expect(new Set(rows.map((r) => r.seedTable)).size).toBe(102);
  });

  it('names only the five seed files', () => {
    for (const r of rows) expect(seedFiles).toContain(r.seedFile);
  });

  it('says what was merged or renamed on every row', () => {
    for (const r of rows) expect(r.note.length).toBeGreaterThan(0);
  });

  it('every unified table has a CREATE TABLE in migrations/ and exists in the database', async () => {
    const unified = [...new Set(rows.map((r) => r.unified))];
    for (const table of unified) {
      expect(migrationsSql, table).toContain(`CREATE TABLE "${table}"`);
      const found = await t.database.pool.query('select to_regclass($1) as t', [`public.${table}`]);
      expect(found.rows[0].t, table).toBe(table);
    }
  });
});

describe('column types', () => {
  it('stores every decimal as numeric(65,30) and no money in floats', async () => {
    const r = await t.database.pool.query(`
      select table_name, column_name, data_type, numeric_precision, numeric_scale
      from information_schema.columns where table_schema = 'public'`);
    const floats = r.rows.filter((c) => ['real', 'double precision', 'money'].includes(c.data_type));
    expect(floats).toEqual([]);
    const numerics = r.rows.filter((c) => c.data_type === 'numeric');
    expect(numerics.length).toBeGreaterThan(120);
    for (const c of numerics) expect([c.table_name, c.column_name, c.numeric_precision, c.numeric_scale]).toEqual([c.table_name, c.column_name, 65, 30]);
    // The seeds' decimal fields (000's "Fields Using Decimal" table, 002's and 004's DECIMAL columns).
    const expected = [
      'positions.quantity', 'positions.entry_price', 'positions.current_price', 'positions.stop_loss', 'positions.take_profit',
      'positions.unrealized_pnl', 'positions.unrealized_pnl_percent', 'positions.exit_price', 'positions.profit_loss', 'positions.profit_loss_percent',
      'performance_snapshots.risk_score', 'performance_snapshots.win_rate', 'performance_snapshots.total_return', 'performance_snapshots.total_return_percent',
      'performance_snapshots.max_drawdown_percent', 'performance_snapshots.sharpe_ratio', 'performance_snapshots.profit_factor',
      'trades.price', 'trades.quantity', 'trades.executed_price', 'trades.fee', 'trades.total', 'trades.profit_loss', 'trades.balance',
      'signals.price', 'signals.stop_loss', 'signals.take_profit', 'signals.confidence', 'executions.confidence', 'executions.price',
      'signal_providers.reliability', 'staking_positions.amount', 'staking_positions.value_usd', 'staking_positions.apy', 'staking_positions.rewards',
      'farm_positions.lp_token_amount', 'farm_positions.value_usd', 'liquidity_positions.impermanent_loss', 'liquidity_positions.fees_earned',
      'defi_protocols.tvl', 'defi_protocols.volume24h', 'liquidity_pools.tvl', 'liquidity_pools.apy', 'portfolio_history.total_value',
      'orders.price', 'orders.quantity', 'orders.filled', 'trading_pairs.min_order_size', 'trading_pairs.max_order_size',
      'strategies.price', 'strategies.rating', 'strategy_purchases.price', 'subscriptions.amount', 'subscription_history.amount',
      'payments.amount', 'referrals.reward_amount', 'pump_detections.price_change', 'pump_detections.volume_change',
      'pump_detections.current_price', 'pump_detections.market_cap', 'pump_detections.volume24h', 'bot_executions.profit_loss',
      'bots.initial_balance', 'bots.current_balance', 'bots.profit', 'bots.profit_percentage', 'bots.stake_amount', 'bots.stop_loss',
      'bots.take_profit', 'bots.risk_percentage', 'positions.fee', 'positions.signal_price', 'backtests.initial_balance', 'backtests.final_balance',
      'backtests.total_return', 'backtests.max_drawdown', 'backtests.win_rate', 'backtests.best_trade', 'plans.price_monthly', 'plans.price_yearly',
      'invoices.amount', 'ai_analyses.confidence_score', 'users.daily_loss_limit_pct', 'users.max_drawdown_pct', 'users.profit_target_pct',
      'journal_trades.entry_price', 'journal_trades.pnl', 'journal_trades.commissions', 'journal_trades.position_size', 'daily_tracking.daily_pnl',
      'trading_rules.win_rate', 'trading_rules.avg_pnl', 'forex_signals.entry_price', 'forex_signals.take_profit_3', 'shared_results.pnl_percent',
      'indicators.accuracy_rating', 'strategy_analyses.overall_backtestability',
    ];
    const types = new Map(r.rows.map((c) => [`${c.table_name}.${c.column_name}`, c.data_type]));
    for (const column of expected) expect([column, types.get(column)]).toEqual([column, 'numeric']);
  });
});
