/** Periodic portfolio_history: each user's total value across bots (cash + holdings at mark). */
import { sql } from 'drizzle-orm';
import { portfolioHistory } from '../../db/schema/index.ts';
import { Decimal } from '../../shared/money.ts';
import type { ServiceEnv } from '../core/context.ts';
import { groupBy } from '../../shared/group-by.ts';

type Row = { user_id: string; bot: string; pair: string | null; cash: string; held: string };

export async function recordPortfolioHistory(env: ServiceEnv): Promise<{ users: number }> {
  const rows = await env.db.execute<Row>(sql`
    select b.user_id, b.name as bot, b.trading_pair as pair, b.current_balance::text as cash,
           coalesce(sum(case when p.side = 'BUY' then 1 else -1 end * p.quantity * p.current_price) filter (where p.status = 'open'), 0)::text as held
      from bots b left join positions p on p.bot_id = b.id and p.status = 'open'
     group by b.id`);
  const byUser = groupBy(rows.rows, (r) => r.user_id);
  const now = env.clock.now();
  const values = [...byUser].map(([userId, list]) => {
    const total = list.reduce((s, r) => s.add(r.cash).add(r.held), new Decimal(0));
    const assets = list.map((r) => ({ bot: r.bot, pair: r.pair, cash: r.cash, holdingsValue: r.held, valueUsd: new Decimal(r.cash).add(r.held).toFixed() }));
    return { userId, totalValue: total, assets, timestamp: now };
  });
  for (let i = 0; i < values.length; i += 1000) await env.db.insert(portfolioHistory).values(values.slice(i, i + 1000));
  return { users: values.length };
}
