/** Close a locked paper bot's positions at market now and write the result (same rows as a tick). */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { orders, positions } from '../../db/schema/index.ts';
import type { CloseReason } from '../../engines/types.ts';
import type { BotRow } from '../bots/bot-access.ts';
import type { ServiceEnv } from '../core/context.ts';
import { preconditionFailed } from '../core/errors.ts';
import { assemblePaperTick } from './assemble-paper-tick.ts';
import { closerEngine } from './close-now.ts';
import { loadMarketSlice } from './market-inputs.ts';
import { WriteSet } from './write-set.ts';

/** Orders of the closed positions are cancelled (all resting orders when closing everything). */
export async function closePositionsNow(tx: DbOrTx, env: ServiceEnv, bot: BotRow, options: { positionTags: string[] | 'all'; reason: CloseReason }): Promise<{ closed: number; fills: number }> {
  if (!bot.paperTrading) throw preconditionFailed('Closing live positions goes through the live runner.');
  if (!env.market) throw preconditionFailed('No market data is available to close at.');
  const now = env.clock.now();
  const open = await tx.select().from(positions).where(and(eq(positions.botId, bot.id), eq(positions.status, 'open')));
  const resting = await tx.select().from(orders).where(and(eq(orders.botId, bot.id), eq(orders.status, 'open')));
  if (open.length === 0 && resting.length === 0) return { closed: 0, fills: 0 };
  const tags = options.positionTags;
  const cancel = tags === 'all' ? 'all' : resting.filter((o) => tags.includes(o.positionTag ?? '')).map((o) => o.tag ?? o.id);
  const slice = await loadMarketSlice(tx, env.market, bot.exchange, bot.tradingPair ?? '', bot.timeframe ?? '5m', 2, now.getTime());
  const writes = new WriteSet();
  const summary = assemblePaperTick(
    {
      bot, positions: open, resting, candles: slice.candles, price: slice.price, pair: slice.pair, fees: slice.fees, signals: [],
      executionId: `${bot.id}:close:${now.getTime()}`, now, slippageBps: 5, playCandles: false,
      override: (holdings) => ({ engine: closerEngine(holdings, options.positionTags, options.reason, cancel) }),
    },
    writes,
  );
  await writes.flush(tx);
  return { closed: summary.closed, fills: summary.fills };
}
