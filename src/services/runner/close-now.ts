/**
 * Closing positions now, at market (a stop with "close positions", /forceexit), is a tick driven
 * by this closer instead of the bot's engine: same fills, orders, trades, positions and counters.
 * The bot's own engine state is kept; the fills are queued for it to hear about next tick.
 */
import { z } from 'zod';
import type { CloseReason, Intent, StrategyEngine } from '../../engines/types.ts';
import type { Decimal } from '../../shared/money.ts';

export function closerEngine(holdings: Map<string, Decimal>, positionTags: string[] | 'all', reason: CloseReason, cancelOrders: string[] | 'all'): StrategyEngine<Record<string, never>, null> {
  return {
    type: 'ai',
    configSchema: z.object({}) as unknown as z.ZodType<Record<string, never>>,
    warmupCandles: () => 0,
    initialState: () => null,
    decide(state, market) {
      const intents: Intent[] = [];
      const closing = [...holdings].filter(([tag, qty]) => !qty.isZero() && (positionTags === 'all' || positionTags.includes(tag)));
      for (const tag of market.openOrderTags) if (cancelOrders === 'all' || cancelOrders.includes(tag)) intents.push({ kind: 'cancel_order', tag, reason: 'closing' });
      for (const [positionTag, qty] of closing) {
        intents.push({
          kind: 'place_order', tag: `close:${positionTag}:${market.time}`, side: qty.gt(0) ? 'sell' : 'buy', type: 'market', quantity: qty.abs(),
          positionTag, effect: 'close', closeReason: reason, reason: reason === 'BOT_STOPPED' ? 'bot stopped' : 'closed on request',
        });
      }
      const why = reason === 'BOT_STOPPED' ? 'Bot stopped: open positions closed at market' : 'Position closed at market on request';
      return { intents, state, decision: { signal: closing.length ? 'SELL' : 'HOLD', confidence: 100, reason: why, price: market.price, indicators: {} } };
    },
  };
}
