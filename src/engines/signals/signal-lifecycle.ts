/**
 * Replays a signal over a price path and reports its lifecycle: ACTIVE → TP1_HIT → TP2_HIT →
 * TP3_HIT, or STOPPED, or CLOSED (stop after a take profit, expiry, manual close).
 *
 * Within one bar the order of the high and the low is unknown, so (docs/signal-lifecycle.md):
 *  - a bar that opens beyond the stop fills the stop at the open (a gap costs more than the stop);
 *  - a bar that opens beyond targets hits them first, at their levels;
 *  - otherwise a bar that touches both the stop and a target hits the STOP first (conservative:
 *    a track record never claims a win the bar cannot prove);
 *  - a stop moved by a target hit (breakeven, trailing) takes effect from the next bar.
 */
import { Decimal } from '../../shared/money.ts';
import type { SignalCloseReason, LifecycleEvent, LifecycleOptions, LifecycleResult, LifecycleSignal, PricePoint, SignalStatus } from './lifecycle-types.ts';
import { computeTrailingStop, type TrailingStopRule } from './trailing-stop.ts';

interface Bar { time: number; open: Decimal; high: Decimal; low: Decimal }

function toBar(p: PricePoint): Bar {
  if ('price' in p) {
    const price = new Decimal(p.price);
    return { time: p.time, open: price, high: price, low: price };
  }
  return { time: p.time, open: new Decimal(p.open), high: new Decimal(p.high), low: new Decimal(p.low) };
}

function checkInputs(s: LifecycleSignal, long: boolean, shares: Decimal[], path: PricePoint[]): void {
  if (!s.entry.gt(0) || !s.pipSize.gt(0)) throw new RangeError('entry and pipSize must be positive');
  if (s.takeProfits.length === 0) throw new RangeError('a signal needs at least one take profit');
  if (long ? !s.stopLoss.lt(s.entry) : !s.stopLoss.gt(s.entry)) throw new RangeError('the stop loss is on the wrong side of the entry');
  if (s.takeProfits.some((tp) => (long ? !tp.gt(s.entry) : !tp.lt(s.entry)))) throw new RangeError('a take profit is on the wrong side of the entry');
  if (shares.length !== s.takeProfits.length || !shares.reduce((a, b) => a.plus(b), new Decimal(0)).eq(1)) {
    throw new RangeError('closeShares needs one share per take profit, adding up to 1');
  }
  if (path.some((p, i) => i > 0 && p.time < path[i - 1].time)) throw new RangeError('the price path must be in time order');
}

export function runSignalLifecycle(signal: LifecycleSignal, path: PricePoint[], options: LifecycleOptions = {}): LifecycleResult {
  const long = signal.direction === 'long' || signal.direction === 'BUY';
  const direction = long ? 'long' : 'short';
  const tps = signal.takeProfits;
  const n = tps.length;
  const shares = options.closeShares ?? tps.map((_, i) => (i === n - 1 ? new Decimal(1).minus(new Decimal(1).div(n).times(n - 1)) : new Decimal(1).div(n)));
  checkInputs(signal, long, shares, path);
  const breakeven = options.breakevenAfterTp === undefined ? 1 : options.breakevenAfterTp;
  const rule: TrailingStopRule = options.trailing ?? (breakeven === null ? { mode: 'none' } : { mode: 'breakeven', afterTarget: breakeven });

  const sign = long ? 1 : -1;
  const pipsAt = (price: Decimal): Decimal => price.minus(signal.entry).div(signal.pipSize).times(sign);
  const pctAt = (price: Decimal): Decimal => price.minus(signal.entry).div(signal.entry).times(100).times(sign);
  // "Beyond" in the trade's favour (targets) or against it (stop), for either direction.
  const reaches = (bar: Bar, level: Decimal): boolean => (long ? bar.high.gte(level) : bar.low.lte(level));
  const opensPast = (bar: Bar, level: Decimal): boolean => (long ? bar.open.gte(level) : bar.open.lte(level));
  const touchesStop = (bar: Bar, stop: Decimal): boolean => (long ? bar.low.lte(stop) : bar.high.gte(stop));
  const opensThroughStop = (bar: Bar, stop: Decimal): boolean => (long ? bar.open.lte(stop) : bar.open.gte(stop));

  const events: LifecycleEvent[] = [];
  let status: SignalStatus = options.entryMode === 'limit' ? 'PENDING' : 'ACTIVE';
  let stop = signal.stopLoss;
  let hit = 0;
  let openShare = new Decimal(1);
  let pips = new Decimal(0);
  let pct = new Decimal(0);
  let best = signal.entry;
  let closedAt: number | null = null;
  let closeReason: SignalCloseReason | null = null;

  const emit = (e: Omit<LifecycleEvent, 'status' | 'pips' | 'pct'>, measured = true): void => {
    events.push({ ...e, status, pips: measured ? pipsAt(e.price) : new Decimal(0), pct: measured ? pctAt(e.price) : new Decimal(0) });
  };
  const realize = (share: Decimal, price: Decimal): void => {
    pips = pips.plus(pipsAt(price).times(share));
    pct = pct.plus(pctAt(price).times(share));
    openShare = openShare.minus(share);
  };
  const close = (reason: SignalCloseReason, time: number): void => {
    [closeReason, closedAt, openShare] = [reason, time, new Decimal(0)];
  };
  const hitTarget = (time: number): void => {
    realize(shares[hit], tps[hit]);
    hit += 1;
    status = `TP${hit}_HIT`;
    emit({ kind: 'tp_hit', time, price: tps[hit - 1], targetIndex: hit });
    if (hit === n) close('all_targets', time);
  };
  const stopOut = (time: number, price: Decimal, gap: boolean): void => {
    realize(openShare, price);
    status = hit > 0 ? 'CLOSED' : 'STOPPED';
    emit({ kind: 'stop_hit', time, price, ...(gap ? { gap } : {}) });
    close(hit > 0 ? 'stop_after_take_profit' : 'stop', time);
  };
  const endBy = (kind: 'expired' | 'manual_close', time: number, price: Decimal): void => {
    const pending = status === 'PENDING';
    if (!pending) realize(openShare, price);
    status = 'CLOSED';
    emit({ kind, time, price, ...(pending ? { beforeEntry: true } : {}) }, !pending);
    close(kind === 'expired' ? 'expired' : 'manual', time);
  };
  const trail = (bar: Bar): void => {
    best = long ? Decimal.max(best, bar.high) : Decimal.min(best, bar.low);
    const next = computeTrailingStop(rule, { direction, entryPrice: signal.entry, targets: tps, targetsHit: hit, currentStop: stop, bestPrice: best });
    if (next && !next.eq(stop)) {
      stop = next;
      emit({ kind: 'stop_moved', time: bar.time, price: next }, false);
    }
  };

  const stepPending = (bar: Bar): void => {
    if (long ? bar.low.lte(signal.entry) : bar.high.gte(signal.entry)) {
      status = 'ACTIVE';
      emit({ kind: 'entry_filled', time: bar.time, price: signal.entry });
      // Targets wait for the next bar; the stop may be hit in the fill bar (worst case).
      if (opensThroughStop(bar, stop)) stopOut(bar.time, bar.open, true);
      else if (touchesStop(bar, stop)) stopOut(bar.time, stop, false);
      else trail(bar);
    } else if (reaches(bar, tps[0])) {
      status = 'CLOSED';
      emit({ kind: 'cancelled', time: bar.time, price: tps[0] }, false);
      close('cancelled_before_entry', bar.time);
    }
  };

  const stepOpen = (bar: Bar): void => {
    if (opensThroughStop(bar, stop)) return stopOut(bar.time, bar.open, true);
    while (hit < n && opensPast(bar, tps[hit])) hitTarget(bar.time);
    if (closeReason) return;
    if (touchesStop(bar, stop)) return stopOut(bar.time, stop, false);
    while (hit < n && reaches(bar, tps[hit])) hitTarget(bar.time);
    if (!closeReason) trail(bar);
  };

  for (const point of path) {
    if (point.time < signal.openedAt) continue;
    if (options.manualClose && options.manualClose.time <= point.time) break;
    const bar = toBar(point);
    if (options.expiresAt != null && bar.time >= options.expiresAt) {
      endBy('expired', bar.time, bar.open);
      break;
    }
    if (status === 'PENDING') stepPending(bar);
    else stepOpen(bar);
    if (closeReason) break;
  }
  if (!closeReason && options.manualClose) endBy('manual_close', options.manualClose.time, options.manualClose.price);

  return { status, closed: closeReason !== null, closedAt, closeReason, events, stopLoss: stop, targetsHit: hit, pips, pct, openShare };
}
