import { Decimal } from '../../../shared/money.ts';
import type { DecideResult, Decision, Fill, Intent, MarketSnapshot, StrategyEngine } from '../../types.ts';
import { cancel, formOrder, quantityForQuote } from '../common/orders.ts';
import { gridConfigSchema, type GridConfig } from './config.ts';
import { computeGridLevels } from './levels.ts';

/** One grid cell between level j (its buy) and level j + 1 (its sell); each round trip is one matched pair. */
export interface GridCell {
  status: 'buying' | 'selling' | 'stopped';
  round: number;
  quantity: string;
  buyNotional: string;
  buyFee: string;
}

export interface GridState {
  levels: string[] | null;
  cells: GridCell[];
  matchedPairs: number;
  gridProfit: string;
  peak: number | null;
  stopped: boolean;
}

const cellTag = (j: number, r: number) => `g${j}.${r}`;

/**
 * The `grid` bot type. On the first decision every cell whose buy level is below the price
 * rests a limit buy; cells at or above the price are bought at market and rest their sell one
 * level up. A filled buy rests a sell one level up; a filled sell books the pair's profit
 * (sell − buy − both fees) and rests the buy again. A stop price, or a trailing stop under the
 * highest high, cancels everything and sells the holdings.
 */
export const gridEngine: StrategyEngine<GridConfig, GridState> = {
  type: 'grid',
  configSchema: gridConfigSchema,
  warmupCandles: () => 1,
  initialState: () => ({ levels: null, cells: [], matchedPairs: 0, gridProfit: '0', peak: null, stopped: false }),
  decide: (s, market, c) => decideGrid(s, market, c),
};

function decideGrid(s: GridState, market: MarketSnapshot, c: GridConfig): DecideResult<GridState> {
  if (s.stopped) return { intents: [], state: s, decision: decision(s, market, 'HOLD', 'grid stopped') };
  if (!s.levels) return start(s, market, c);
  const intents: Intent[] = [];
  for (const f of market.fills) intents.push(...onFill(s, f, market));
  const last = market.candles[market.candles.length - 1];
  const stop = stopLevel(s, c);
  // Orders the fills above would add are dropped: the stop replaces them with market sells.
  if (stop !== null && last.low <= stop) return stopGrid(s, market, [], stop);
  if (c.trailingStopPercent) s.peak = Math.max(s.peak ?? last.high, last.high);
  return { intents, state: s, decision: decision(s, market, 'HOLD', market.fills.length ? `${market.fills.length} grid order(s) filled` : 'grid running') };
}

function start(s: GridState, market: MarketSnapshot, c: GridConfig): DecideResult<GridState> {
  const levels = computeGridLevels(c.lowerPrice, c.upperPrice, c.gridLevels, c.mode);
  s.levels = levels.map((l) => l.toFixed());
  const budget = Decimal.min(new Decimal(c.investment), market.balances.quote);
  const perCell = budget.div(levels.length - 1);
  const price = new Decimal(market.price);
  const intents: Intent[] = [];
  for (let j = 0; j < levels.length - 1; j++) {
    const quantity = quantityForQuote(perCell, levels[j], market.pair);
    s.cells.push({ status: 'buying', round: 0, quantity: quantity.toFixed(), buyNotional: '0', buyFee: '0' });
    // A cell at or above the price would have bought on the way up: buy it now, sell it one level up.
    const atMarket = levels[j].gte(price);
    const order = formOrder({
      tag: `${cellTag(j, 0)}:buy`, side: 'buy', type: atMarket ? 'market' : 'limit', quantity, price: atMarket ? undefined : levels[j],
      positionTag: cellTag(j, 0), effect: 'open', reason: `grid cell ${j}: buy at ${atMarket ? 'market' : levels[j].toFixed()}`, referencePrice: price,
    }, market.pair);
    if (order) intents.push(order);
    else s.cells[j].status = 'stopped'; // too small for the venue: the cell stays idle
  }
  s.peak = market.candles[market.candles.length - 1].high;
  return { intents, state: s, decision: decision(s, market, 'BUY', `grid started with ${levels.length} levels (${levels.length - 1} cells), ${perCell.toDecimalPlaces(8).toFixed()} ${market.pair.quote} per cell`) };
}

function onFill(s: GridState, f: Fill, market: MarketSnapshot): Intent[] {
  if (f.tag[0] !== 'g') return [];
  const j = Number(f.tag.slice(1, f.tag.indexOf('.')));
  const cell = s.cells[j];
  const levels = s.levels as string[];
  if (!cell || cell.status === 'stopped') return [];
  if (f.side === 'buy') {
    cell.status = 'selling';
    cell.quantity = f.quantity.toFixed();
    cell.buyNotional = f.price.mul(f.quantity).toFixed();
    cell.buyFee = f.fee.toFixed();
    const order = formOrder({
      tag: `${cellTag(j, cell.round)}:sell`, side: 'sell', type: 'limit', quantity: f.quantity, price: new Decimal(levels[j + 1]),
      positionTag: cellTag(j, cell.round), effect: 'close', closeReason: 'TAKE_PROFIT', reason: `grid cell ${j}: sell one level up at ${levels[j + 1]}`,
    }, market.pair, 'up');
    return order ? [order] : [];
  }
  const profit = f.price.mul(f.quantity).sub(cell.buyNotional).sub(cell.buyFee).sub(f.fee);
  s.gridProfit = new Decimal(s.gridProfit).add(profit).toFixed();
  s.matchedPairs++;
  cell.round++;
  cell.status = 'buying';
  const order = formOrder({
    tag: `${cellTag(j, cell.round)}:buy`, side: 'buy', type: 'limit', quantity: new Decimal(cell.quantity), price: new Decimal(levels[j]),
    positionTag: cellTag(j, cell.round), effect: 'open', reason: `grid cell ${j}: buy again at ${levels[j]}`,
  }, market.pair);
  return order ? [order] : [];
}

function stopLevel(s: GridState, c: GridConfig): number | null {
  const fixed = c.stopLossPrice !== undefined ? Number(c.stopLossPrice) : null;
  const trailing = c.trailingStopPercent && s.peak !== null ? s.peak * (1 - c.trailingStopPercent / 100) : null;
  if (fixed === null) return trailing;
  return trailing === null ? fixed : Math.max(fixed, trailing);
}

function stopGrid(s: GridState, market: MarketSnapshot, intents: Intent[], stop: number): DecideResult<GridState> {
  s.stopped = true;
  for (const t of market.openOrderTags) if (t[0] === 'g') intents.push(cancel(t, 'grid stop reached'));
  s.cells.forEach((cell, j) => {
    if (cell.status === 'selling') {
      intents.push({
        kind: 'place_order', tag: `${cellTag(j, cell.round)}:stop`, side: 'sell', type: 'market', quantity: new Decimal(cell.quantity),
        positionTag: cellTag(j, cell.round), effect: 'close', closeReason: 'STOP_LOSS', reason: `grid stop at ${stop} reached`,
      });
    }
    cell.status = 'stopped';
  });
  return { intents, state: s, decision: decision(s, market, 'SELL', `grid stop at ${stop} reached: cancelling orders and selling holdings`) };
}

function decision(s: GridState, market: MarketSnapshot, signal: Decision['signal'], reason: string): Decision {
  return {
    signal, confidence: signal === 'HOLD' ? 0 : 100, reason, price: market.price,
    indicators: { matchedPairs: s.matchedPairs, gridProfit: s.gridProfit, holdingCells: s.cells.filter((c) => c.status === 'selling').length, levels: s.levels?.length ?? 0 },
  };
}
