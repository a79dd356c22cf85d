import { Decimal } from '../../../shared/money.ts';
import { decimalToNumber, divideRounded } from '../../fills/rounding.ts';
import type { Candle, Fill, Intent, MarketSnapshot } from '../../types.ts';
import { cancel, formOrder, quantityForQuote } from '../common/orders.ts';
import type { DealConfig } from './config.ts';
import { safetyOrderDeviationPercent, safetyOrderVolume, splitQuantity } from './math.ts';

/**
 * One DCA deal: a market base order, safety-order limit buys below it, take-profit limit sells
 * recomputed from the average entry after every buy, a stop on the average (optionally moved to
 * break-even after the first take-profit step) and an optional trailing take profit, all
 * learned from fills matched by tag. Shared by the dca and combo engines, which differ only in
 * their take-profit plan.
 */
export interface Deal<C extends DealConfig = DealConfig> {
  id: number;
  /** The config the deal started with: edits to the bot apply to new deals only (3Commas). */
  settings: C;
  status: 'opening' | 'open' | 'closing' | 'closed';
  basePrice: string | null;
  quantity: string;
  boughtQuantity: string;
  boughtNotional: string;
  soldNotional: string;
  fees: string;
  averagePrice: number | null;
  safetyPlaced: number;
  safetyFilled: number;
  tpVersion: number;
  tpStepsFilled: number;
  takeProfitPrice: number | null;
  stop: number | null;
  /** Set when a take-profit fill moved the stop during that candle: then it is watched from the next candle on. */
  stopSince: number | null;
  trailingPeak: number | null;
}

/** Take-profit steps still to place: percent above the average entry and share of the open quantity. */
export type TakeProfitPlan = (stepsFilled: number) => { percent: Decimal; fraction: Decimal }[];

const tag = (d: Deal, kind: string) => `d${d.id}:${kind}`;
const positionTag = (d: Deal) => `d${d.id}`;

export function startDeal<C extends DealConfig>(id: number, market: MarketSnapshot, config: C): { deal: Deal<C>; order: Intent } | null {
  const budget = new Decimal(config.baseOrderSize);
  if (market.balances.quote.lt(budget)) return null;
  const deal: Deal<C> = {
    id, settings: config, status: 'opening', basePrice: null, quantity: '0', boughtQuantity: '0', boughtNotional: '0', soldNotional: '0', fees: '0',
    averagePrice: null, safetyPlaced: 0, safetyFilled: 0, tpVersion: 0, tpStepsFilled: 0, takeProfitPrice: null, stop: null, stopSince: null, trailingPeak: null,
  };
  const price = new Decimal(market.price);
  const order = formOrder({
    tag: tag(deal, 'bo'), side: 'buy', type: 'market', quantity: quantityForQuote(budget, price, market.pair), positionTag: positionTag(deal),
    effect: 'open', reason: `deal ${id}: base order of ${config.baseOrderSize} ${market.pair.quote}`, referencePrice: price,
  }, market.pair);
  return order ? { deal, order } : null;
}

/** Applies this deal's fills, then the orders they call for (from the deal's own settings); notices refused orders. */
export function updateDeal<C extends DealConfig>(d: Deal<C>, fills: readonly Fill[], market: MarketSnapshot, planFor: (settings: C) => TakeProfitPlan): Intent[] {
  const out: Intent[] = [];
  const config = d.settings;
  let bought = false;
  let sold = false;
  for (const f of fills) {
    const kind = f.tag.slice(f.tag.indexOf(':') + 1);
    const notional = f.price.mul(f.quantity);
    d.fees = new Decimal(d.fees).add(f.fee).toFixed();
    if (f.side === 'buy') {
      d.quantity = new Decimal(d.quantity).add(f.quantity).toFixed();
      d.boughtQuantity = new Decimal(d.boughtQuantity).add(f.quantity).toFixed();
      d.boughtNotional = new Decimal(d.boughtNotional).add(notional).toFixed();
      if (kind === 'bo') {
        d.basePrice = f.price.toFixed();
        d.status = 'open';
      } else d.safetyFilled++;
      bought = true;
    } else {
      d.quantity = new Decimal(d.quantity).sub(f.quantity).toFixed();
      d.soldNotional = new Decimal(d.soldNotional).add(notional).toFixed();
      if (kind.startsWith('tp')) d.tpStepsFilled++;
      sold = true;
    }
  }
  if (d.status === 'opening' && !market.openOrderTags.includes(tag(d, 'bo'))) d.status = 'closed'; // base order refused
  if (d.status === 'closing' && !bought && !sold && !market.openOrderTags.includes(tag(d, 'close'))) d.status = 'open';
  if ((d.status === 'open' || d.status === 'closing') && new Decimal(d.quantity).lte(0) && sold) {
    d.status = 'closed';
    out.push(...cancelOpenOrders(d, market, 'deal closed'));
    return out;
  }
  if (bought && d.status === 'open') out.push(...afterBuy(d, market, config, planFor(config)));
  if (sold && d.status === 'open' && config.moveStopToBreakeven && d.averagePrice !== null) d.stop = d.averagePrice;
  // A buy fills at the open or on the way down, so this candle's low counts against the new stop;
  // a take-profit fills on the way up, after the low, so a stop it moved waits for the next candle.
  if (sold) d.stopSince = market.candles[market.candles.length - 1]?.time ?? null;
  else if (bought) d.stopSince = null;
  return out;
}

interface Ladder {
  priceFactors: Decimal[]; // 1 − cumulative deviation / 100, per safety order (index n − 1)
  volumes: Decimal[];
}

// The safety-order ladder depends only on the config: computed once per config, not per fill.
const ladders = new WeakMap<object, Ladder>();

function ladderOf(config: DealConfig): Ladder {
  let l = ladders.get(config);
  if (!l) {
    l = { priceFactors: [], volumes: [] };
    for (let n = 1; n <= config.maxSafetyOrders; n++) {
      l.priceFactors.push(new Decimal(1).sub(safetyOrderDeviationPercent(n, config.priceDeviationPercent, config.safetyOrderStepScale).div(100)));
      l.volumes.push(safetyOrderVolume(n, config.safetyOrderSize, config.safetyOrderVolumeScale));
    }
    ladders.set(config, l);
  }
  return l;
}

/** After any buy: new average, stop and targets; the next safety orders. */
function afterBuy(d: Deal, market: MarketSnapshot, config: DealConfig, plan: TakeProfitPlan): Intent[] {
  const out: Intent[] = [];
  const notional = new Decimal(d.boughtNotional);
  const bought = new Decimal(d.boughtQuantity);
  d.averagePrice = decimalToNumber(notional) / decimalToNumber(bought);
  if (config.stopLossPercent) d.stop = d.averagePrice * (1 - config.stopLossPercent / 100);
  const steps = plan(d.tpStepsFilled);
  d.takeProfitPrice = steps.length ? d.averagePrice * (1 + steps[0].percent.toNumber() / 100) : null;
  const prefix = tag(d, `tp${d.tpVersion}.`);
  for (const t of market.openOrderTags) if (t.startsWith(prefix)) out.push(cancel(t, 'take profit moved to the new average'));
  d.tpVersion++;
  if (!config.trailingTakeProfitPercent) {
    const parts = splitQuantity(new Decimal(d.quantity), steps.map((s) => s.fraction), market.pair.quantityPrecision);
    steps.forEach((s, k) => {
      // average × (1 + p %) rounded up to the tick = notional × (1 + p %) / quantity, rounded up: no long division.
      const price = divideRounded(notional.mul(s.percent.div(100).add(1)), bought, market.pair.pricePrecision, 'ceil');
      const order = formOrder({
        tag: tag(d, `tp${d.tpVersion}.${k}`), side: 'sell', type: 'limit', quantity: parts[k], price,
        positionTag: positionTag(d), effect: k === steps.length - 1 ? 'close' : 'reduce', closeReason: 'TAKE_PROFIT',
        reason: `deal ${d.id}: take profit ${s.percent.toFixed()}% above the average ${d.averagePrice?.toFixed(market.pair.pricePrecision)}`,
      }, market.pair, 'up');
      if (order) out.push(order);
    });
  }
  const base = new Decimal(d.basePrice as string);
  const ladder = ladderOf(config);
  while (d.safetyPlaced < config.maxSafetyOrders && d.safetyPlaced - d.safetyFilled < config.activeSafetyOrders) {
    const n = ++d.safetyPlaced;
    const price = base.mul(ladder.priceFactors[n - 1]);
    const volume = ladder.volumes[n - 1];
    const order = formOrder({
      tag: tag(d, `so${n}`), side: 'buy', type: 'limit', quantity: quantityForQuote(volume, price, market.pair), price,
      positionTag: positionTag(d), effect: 'increase', reason: `deal ${d.id}: safety order ${n} of ${volume.toFixed()} ${market.pair.quote}`,
    }, market.pair);
    if (order) out.push(order);
  }
  return out;
}

/**
 * Exits watched on the closed candle: the stop (on the low), then the trailing take profit —
 * which arms when the high reaches the target and sells when the price falls trailing % from
 * the highest high since. The low is taken to come before the high.
 */
export function checkDealExits(d: Deal, candle: Candle, market: MarketSnapshot): Intent[] {
  if (d.status !== 'open') return [];
  const config = d.settings;
  const trail = config.trailingTakeProfitPercent;
  if (trail && d.trailingPeak !== null && candle.low <= d.trailingPeak * (1 - trail / 100)) {
    return closeDeal(d, market, 'TAKE_PROFIT', `deal ${d.id}: trailing take profit, ${trail}% below the high of ${d.trailingPeak}`);
  }
  if (d.stop !== null && (d.stopSince === null || candle.time > d.stopSince) && candle.low <= d.stop) return closeDeal(d, market, 'STOP_LOSS', `deal ${d.id}: stop at ${d.stop} reached`);
  if (trail && d.takeProfitPrice !== null && candle.high >= d.takeProfitPrice) d.trailingPeak = Math.max(d.trailingPeak ?? candle.high, candle.high);
  return [];
}

function closeDeal(d: Deal, market: MarketSnapshot, reason: 'STOP_LOSS' | 'TAKE_PROFIT', why: string): Intent[] {
  d.status = 'closing';
  return [
    ...cancelOpenOrders(d, market, why),
    { kind: 'place_order', tag: tag(d, 'close'), side: 'sell', type: 'market', quantity: new Decimal(d.quantity), positionTag: positionTag(d), effect: 'close', closeReason: reason, reason: why },
  ];
}

function cancelOpenOrders(d: Deal, market: MarketSnapshot, why: string): Intent[] {
  const prefix = `d${d.id}:`;
  return market.openOrderTags.filter((t) => t.startsWith(prefix) && t !== tag(d, 'close')).map((t) => cancel(t, why));
}

/** Realized profit of a closed deal in quote: sold − bought − fees. */
export function dealProfit(d: Deal): Decimal {
  return new Decimal(d.soldNotional).sub(d.boughtNotional).sub(d.fees);
}
