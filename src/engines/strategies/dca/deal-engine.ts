import { Decimal } from '../../../shared/money.ts';
import * as ind from '../../indicators/index.ts';
import type { BotType, DecideResult, Decision, Fill, Intent, MarketSnapshot, StrategyEngine } from '../../types.ts';
import type { z } from 'zod';
import { firstUnseen, round } from '../common/market.ts';
import type { DealConfig } from './config.ts';
import { checkDealExits, dealProfit, startDeal, updateDeal, type Deal, type TakeProfitPlan } from './deal.ts';

export interface DealEngineState<C extends DealConfig = DealConfig> {
  lastTime: number | null;
  nextDealId: number;
  deals: Deal<C>[];
  candlesSinceStart: number;
  rsi: ind.RsiState | null;
  rsiValue: number | null;
  closedDeals: number;
  realizedProfit: string;
}

/**
 * The engine around deals, for dca and combo: starts deals (as soon as possible, or when RSI is
 * below a level) up to maxActiveDeals with a cooldown between starts, routes fills to their deal
 * by tag, and books each closed deal's profit.
 */
export function createDealEngine<C extends DealConfig>(type: BotType, configSchema: z.ZodType<C>, plan: (config: C) => TakeProfitPlan): StrategyEngine<C, DealEngineState> {
  // The take-profit plan depends only on the config: built once per settings object, and only when a buy fills.
  const plans = new WeakMap<object, TakeProfitPlan>();
  const planFor = (c: C) => {
    let p = plans.get(c);
    if (!p) plans.set(c, (p = plan(c)));
    return p;
  };
  return {
    type,
    configSchema,
    warmupCandles: (c) => (c.startCondition === 'rsi' ? c.rsiPeriod + 1 : 1),
    initialState: (c) => ({
      lastTime: null, nextDealId: 1, deals: [], candlesSinceStart: Number.MAX_SAFE_INTEGER,
      rsi: c.startCondition === 'rsi' ? ind.createRsi(c.rsiPeriod) : null, rsiValue: null, closedDeals: 0, realizedProfit: '0',
    }),
    decide: (s, market, c) => decideDeals(s as DealEngineState<C>, market, c, planFor),
  };
}

function decideDeals<C extends DealConfig>(s: DealEngineState<C>, market: MarketSnapshot, c: C, planFor: (settings: C) => TakeProfitPlan): DecideResult<DealEngineState> {
  const candles = market.candles;
  for (let i = firstUnseen(candles, s.lastTime); i < candles.length; i++) {
    s.candlesSinceStart = Math.min(Number.MAX_SAFE_INTEGER, s.candlesSinceStart + 1);
    if (s.rsi) s.rsiValue = ind.updateRsi(s.rsi, candles[i].close);
    s.lastTime = candles[i].time;
  }
  const intents: Intent[] = [];
  const byDeal = market.fills.length ? groupByDeal(market.fills) : null;
  let closedNow = 0;
  for (const d of s.deals) {
    if (d.status === 'opening' || d.status === 'closing' || byDeal?.has(d.id)) intents.push(...updateDeal(d, byDeal?.get(d.id) ?? [], market, planFor));
  }
  if (s.deals.some((d) => d.status === 'closed')) {
    let profit = new Decimal(s.realizedProfit);
    for (const d of s.deals) if (d.status === 'closed' && d.basePrice !== null) { profit = profit.add(dealProfit(d)); closedNow++; }
    s.realizedProfit = profit.toFixed();
    s.closedDeals += closedNow;
    s.deals = s.deals.filter((d) => d.status !== 'closed');
  }
  const last = candles[candles.length - 1];
  let closing = false;
  for (const d of s.deals) {
    const exits = checkDealExits(d, last, market);
    if (exits.length) closing = true;
    intents.push(...exits);
  }
  let started: Deal<C> | null = null;
  const startAllowed = c.startCondition === 'asap' || (s.rsiValue !== null && s.rsiValue < c.rsiBelow);
  if (s.deals.length < c.maxActiveDeals && s.candlesSinceStart >= c.cooldownCandles && startAllowed) {
    const r = startDeal(s.nextDealId, market, c);
    if (r) {
      s.nextDealId++;
      s.deals.push(r.deal);
      s.candlesSinceStart = 0;
      intents.push(r.order);
      started = r.deal;
    }
  }
  return { intents, state: s, decision: describe(s, market, started, closing) };
}

function groupByDeal(fills: readonly Fill[]): Map<number, Fill[]> {
  const map = new Map<number, Fill[]>();
  for (const f of fills) {
    if (f.tag[0] !== 'd') continue;
    const id = Number(f.tag.slice(1, f.tag.indexOf(':')));
    const list = map.get(id);
    if (list) list.push(f);
    else map.set(id, [f]);
  }
  return map;
}

function describe(s: DealEngineState, market: MarketSnapshot, started: Deal | null, closing: boolean): Decision {
  const first = s.deals[0];
  const indicators = {
    activeDeals: s.deals.length,
    averagePrice: first?.averagePrice ?? null,
    takeProfitPrice: first?.takeProfitPrice ?? null,
    stopPrice: first?.stop ?? null,
    safetyOrdersFilled: first?.safetyFilled ?? 0,
    closedDeals: s.closedDeals,
    realizedProfit: s.realizedProfit,
    rsi: s.rsiValue === null ? null : round(s.rsiValue, 2),
  };
  if (started) return { signal: 'BUY', confidence: 100, reason: `started deal ${started.id} with a base order`, price: market.price, indicators };
  if (closing) return { signal: 'SELL', confidence: 100, reason: 'closing a deal at its stop or trailing take profit', price: market.price, indicators };
  const reason = s.deals.length ? `${s.deals.length} deal(s) open; waiting for safety orders or take profit` : 'waiting for the start condition';
  return { signal: 'HOLD', confidence: 0, reason, price: market.price, indicators };
}
