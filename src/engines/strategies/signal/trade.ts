import { Decimal, ZERO } from '../../../shared/money.ts';
import { decimalToNumber } from '../../fills/rounding.ts';
import type { Candle, ExternalSignal, Fill, Intent, MarketSnapshot, OrderSide } from '../../types.ts';
import { splitQuantity } from '../dca/math.ts';
import { cancel, formOrder, quantityForQuote } from '../common/orders.ts';
import type { SignalConfig } from './config.ts';
import { normalise, targetFractions } from './split.ts';

/**
 * One followed signal, from entry orders to the last target or the stop. Prices that are
 * compared every candle are floats; money is Decimal strings.
 */
export interface SignalTrade {
  seq: number;
  signalId: string;
  direction: 'long' | 'short';
  status: 'pending' | 'open' | 'closing' | 'done';
  breakout: boolean;
  entries: string[];
  targets: string[];
  targetHit: boolean[];
  tpVersion: number;
  stop: number | null;
  /** Set when a target fill (on the way up for a long) moved the stop during that candle: watched from the next candle. */
  stopSince: number | null;
  quantity: string;
  enteredQuantity: string;
  enteredNotional: string;
  averageEntry: number | null;
  budget: string;
  candlesWaiting: number;
  outcome: string | null;
}

const key = (t: SignalTrade, kind: string) => `s${t.seq}:${kind}`;
const positionTag = (t: SignalTrade) => `s${t.seq}`;
const entrySide = (t: SignalTrade): OrderSide => (t.direction === 'long' ? 'buy' : 'sell');
const exitSide = (t: SignalTrade): OrderSide => (t.direction === 'long' ? 'sell' : 'buy');

/** Opens a trade for a signal: limit orders split evenly across the entries, or one market order. */
export function openTrade(seq: number, signal: ExternalSignal, market: MarketSnapshot, c: SignalConfig): { trade: SignalTrade; intents: Intent[] } {
  const budget = c.positionSizeQuote ? new Decimal(c.positionSizeQuote) : market.balances.quote.mul(c.positionSizePercent).div(100);
  const long = signal.direction === 'long';
  const firstEntry = signal.entries[0] ?? new Decimal(market.price);
  const stop = signal.stopLoss ?? (c.defaultStopLossPercent ? firstEntry.mul(1 + ((long ? -1 : 1) * c.defaultStopLossPercent) / 100) : null);
  const trade: SignalTrade = {
    seq, signalId: signal.id, direction: signal.direction, status: 'pending', breakout: signal.entryType === 'breakout_above' || signal.entryType === 'breakout_below',
    entries: signal.entries.map((e) => e.toFixed()), targets: signal.targets.map((t) => t.toFixed()), targetHit: signal.targets.map(() => false), tpVersion: 0,
    stop: stop ? decimalToNumber(stop) : null, stopSince: null, quantity: '0', enteredQuantity: '0', enteredNotional: '0', averageEntry: null, budget: budget.toFixed(), candlesWaiting: 0, outcome: null,
  };
  if (trade.breakout) return { trade, intents: [] };
  const atMarket = signal.entryType === 'market' || signal.entries.length === 0;
  const prices = atMarket ? [new Decimal(market.price)] : signal.entries;
  const share = budget.div(prices.length);
  const intents: Intent[] = [];
  prices.forEach((price, k) => {
    const order = formOrder({
      tag: key(trade, `e${k}`), side: entrySide(trade), type: atMarket ? 'market' : 'limit', quantity: quantityForQuote(share, price, market.pair),
      price: atMarket ? undefined : price, positionTag: positionTag(trade), effect: k === 0 ? 'open' : 'increase',
      stopLoss: stop, takeProfit: signal.targets[0] ?? null, reason: `signal ${signal.id}: entry ${k + 1} of ${prices.length}`, referencePrice: price,
    }, market.pair);
    if (order) intents.push(order);
  });
  if (intents.length === 0) trade.status = 'done';
  return { trade, intents };
}

/** Applies the trade's fills: entries move the average and re-lay the targets; targets trail the stop. */
export function applyTradeFills(t: SignalTrade, fills: readonly Fill[], market: MarketSnapshot, c: SignalConfig): Intent[] {
  const out: Intent[] = [];
  let entered = false;
  let hitNow = -1;
  let quantity = new Decimal(t.quantity);
  for (const f of fills) {
    const kind = f.tag.slice(f.tag.indexOf(':') + 1);
    if (kind[0] === 'e' || kind === 'breakout') {
      quantity = quantity.add(f.quantity);
      t.enteredQuantity = new Decimal(t.enteredQuantity).add(f.quantity).toFixed();
      t.enteredNotional = new Decimal(t.enteredNotional).add(f.price.mul(f.quantity)).toFixed();
      entered = true;
    } else {
      quantity = quantity.sub(f.quantity);
      if (kind[0] === 't') {
        const k = Number(kind.slice(kind.indexOf('.') + 1));
        t.targetHit[k] = true;
        hitNow = Math.max(hitNow, k);
      }
    }
  }
  t.quantity = quantity.toFixed();
  if (entered) {
    t.status = t.status === 'closing' ? 'closing' : 'open';
    t.averageEntry = decimalToNumber(new Decimal(t.enteredNotional).div(t.enteredQuantity));
  }
  if (t.status !== 'pending' && quantity.lte(0) && fills.length) {
    t.status = 'done';
    t.outcome ??= t.targetHit.every(Boolean) ? 'all targets hit' : 'closed';
    out.push(...cancelAll(t, market, 'trade finished'));
    return out;
  }
  if (hitNow >= 0) {
    moveStop(t, hitNow, c);
    t.stopSince = market.candles[market.candles.length - 1]?.time ?? null;
    if (hitNow === 0) for (const tag of market.openOrderTags) if (tag.startsWith(key(t, 'e'))) out.push(cancel(tag, 'TP1 hit: remaining entries cancelled'));
  }
  if (entered && t.status === 'open') out.push(...layTargets(t, quantity, market, c));
  return out;
}

/** Trailing: break-even after TP1, or the moving target (TP1 → entry, TPn → TP(n−1)). */
function moveStop(t: SignalTrade, hit: number, c: SignalConfig): void {
  if (c.trailing === 'breakeven_after_tp1' && t.targetHit[0]) t.stop = t.averageEntry;
  if (c.trailing === 'moving_target') t.stop = hit === 0 ? t.averageEntry : Number(t.targets[hit - 1]);
}

/** Re-lays take-profit orders for the open quantity over the targets not yet hit, in the configured split. */
function layTargets(t: SignalTrade, quantity: Decimal, market: MarketSnapshot, c: SignalConfig): Intent[] {
  const out: Intent[] = [];
  for (const tag of market.openOrderTags) if (tag.startsWith(key(t, `t${t.tpVersion}.`))) out.push(cancel(tag, 'targets re-laid for the new position size'));
  t.tpVersion++;
  const all = targetFractions(c.split, t.targets.length, { oneTarget: c.oneTarget, customPercents: c.customPercents });
  const open = t.targets.map((_, k) => k).filter((k) => !t.targetHit[k] && all[k].gt(0));
  if (open.length === 0) return out;
  const parts = mergeSmallParts(splitQuantity(quantity, normalise(open.map((k) => all[k])), market.pair.quantityPrecision), market.pair.minOrderSize);
  open.forEach((k, i) => {
    if (parts[i].lte(0)) return;
    const order = formOrder({
      tag: key(t, `t${t.tpVersion}.${k}`), side: exitSide(t), type: 'limit', quantity: parts[i], price: new Decimal(t.targets[k]),
      positionTag: positionTag(t), effect: i === open.length - 1 ? 'close' : 'reduce', closeReason: 'TAKE_PROFIT', reason: `signal ${t.signalId}: target ${k + 1}`,
    }, market.pair, t.direction === 'long' ? 'up' : 'down');
    if (order) out.push(order);
  });
  return out;
}

/** A part below the venue's minimum joins the next one (the last joins the one before). */
function mergeSmallParts(parts: Decimal[], min: Decimal): Decimal[] {
  const out = [...parts];
  for (let i = 0; i < out.length - 1; i++) if (out[i].gt(0) && out[i].lt(min)) { out[i + 1] = out[i + 1].add(out[i]); out[i] = ZERO; }
  const last = out.length - 1;
  if (last > 0 && out[last].gt(0) && out[last].lt(min)) {
    const prev = out.slice(0, last).map((p, i) => (p.gt(0) ? i : -1)).filter((i) => i >= 0).pop();
    if (prev !== undefined) { out[prev] = out[prev].add(out[last]); out[last] = ZERO; }
  }
  return out;
}

/** Checks on the closed candle: breakout entries, cancel-before-entry, expiry, and the stop. */
export function checkTrade(t: SignalTrade, candle: Candle, market: MarketSnapshot, c: SignalConfig): Intent[] {
  const long = t.direction === 'long';
  if (t.status === 'pending') {
    t.candlesWaiting++;
    const tp1 = t.targets.length ? Number(t.targets[0]) : null;
    if (c.cancelIfTargetBeforeEntry && tp1 !== null && (long ? candle.high >= tp1 : candle.low <= tp1)) return finish(t, market, 'cancelled: target hit before entry');
    if (t.stop !== null && (long ? candle.low <= t.stop : candle.high >= t.stop)) return finish(t, market, 'cancelled: stop hit before entry');
    if (c.entryExpiryCandles > 0 && t.candlesWaiting >= c.entryExpiryCandles) return finish(t, market, 'cancelled: entry expired');
    if (t.breakout && t.entries.length && (long ? candle.high >= Number(t.entries[0]) : candle.low <= Number(t.entries[0]))) return breakoutEntry(t, market);
    return [];
  }
  const stopWatched = t.stop !== null && (t.stopSince === null || candle.time > t.stopSince);
  if (t.status === 'open' && stopWatched && (long ? candle.low <= (t.stop as number) : candle.high >= (t.stop as number))) {
    t.status = 'closing';
    t.outcome = t.targetHit.some(Boolean) ? 'closed at stop after a take profit' : 'stop hit';
    return [...cancelAll(t, market, t.outcome), {
      kind: 'place_order', tag: key(t, 'close'), side: exitSide(t), type: 'market', quantity: new Decimal(t.quantity), positionTag: positionTag(t),
      effect: 'close', closeReason: 'STOP_LOSS', reason: `signal ${t.signalId}: ${t.outcome}`,
    }];
  }
  return [];
}

/** The provider's exit alert: a trade not entered yet is cancelled; an open one is closed at market. */
export function exitTrade(t: SignalTrade, signalId: string, market: MarketSnapshot): Intent[] {
  if (t.status === 'pending' || new Decimal(t.quantity).lte(0)) return finish(t, market, `cancelled: exit signal ${signalId} before entry`);
  t.status = 'closing';
  t.outcome = `closed by exit signal ${signalId}`;
  return [...cancelAll(t, market, t.outcome), {
    kind: 'place_order', tag: key(t, 'close'), side: exitSide(t), type: 'market', quantity: new Decimal(t.quantity), positionTag: positionTag(t),
    effect: 'close', closeReason: 'SIGNAL', reason: `signal ${t.signalId}: ${t.outcome}`,
  }];
}

function breakoutEntry(t: SignalTrade, market: MarketSnapshot): Intent[] {
  const order = formOrder({
    tag: key(t, 'breakout'), side: entrySide(t), type: 'market', quantity: quantityForQuote(new Decimal(t.budget), market.price, market.pair),
    positionTag: positionTag(t), effect: 'open', reason: `signal ${t.signalId}: breakout through ${t.entries[0]}`, referencePrice: new Decimal(market.price),
  }, market.pair);
  t.breakout = false;
  return order ? [order] : finish(t, market, 'cancelled: entry below the venue minimum');
}

function finish(t: SignalTrade, market: MarketSnapshot, outcome: string): Intent[] {
  t.status = 'done';
  t.outcome = outcome;
  return cancelAll(t, market, outcome);
}

function cancelAll(t: SignalTrade, market: MarketSnapshot, why: string): Intent[] {
  const prefix = `s${t.seq}:`;
  return market.openOrderTags.filter((tag) => tag.startsWith(prefix) && tag !== key(t, 'close')).map((tag) => cancel(tag, why));
}
