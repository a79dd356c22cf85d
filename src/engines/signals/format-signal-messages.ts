/**
 * Channel texts for a signal and its lifecycle, in the Cornix wording followers already know
 * (each lifecycle text is meant as a reply to the signal's post). Plain text; the adapter adds
 * platform formatting. The post is itself a valid Cornix signal, so other bots can copy it.
 */
import { Decimal } from '../../shared/money.ts';
import type { LifecycleResult, LifecycleSignal } from './lifecycle-types.ts';

export interface SignalPost {
  symbol: string;
  direction: 'long' | 'short';
  entries: Decimal[];
  entryType?: 'market' | 'limit' | 'breakout_above' | 'breakout_below';
  entryZone?: { low: Decimal; high: Decimal } | null;
  targets: Decimal[];
  stopLoss: Decimal | null;
  leverage?: number | null;
  marginMode?: 'cross' | 'isolated' | null;
}

export type ChannelEvent =
  | { kind: 'entry_filled'; symbol: string; entryIndex: number; entryCount: number; averageEntry: Decimal }
  | { kind: 'target_hit'; symbol: string; targetIndex: number; targetCount: number; profitPct: Decimal; elapsedMs: number; pips?: Decimal | null }
  | { kind: 'stop_hit'; symbol: string; lossPct: Decimal; elapsedMs: number; pips?: Decimal | null }
  | { kind: 'stop_after_take_profit'; symbol: string; resultPct: Decimal; elapsedMs: number; pips?: Decimal | null }
  | { kind: 'cancelled'; symbol: string; reason: 'target_before_entry' | 'expired' | 'manual' }
  | { kind: 'closed'; symbol: string; reason: 'opposite_signal' | 'expired' | 'manual'; resultPct?: Decimal | null; pips?: Decimal | null };

const price = (d: Decimal): string => d.toFixed();
const signed = (d: Decimal, places: number): string => `${d.gte(0) ? '+' : ''}${d.toFixed(places)}`;

export function formatSignalPost(s: SignalPost): string {
  const lines = [`#${s.symbol} ${s.direction.toUpperCase()}`];
  if (s.leverage) lines.push(`Leverage: ${s.marginMode === 'isolated' ? 'Isolated' : 'Cross'} ${s.leverage}x`);
  if (s.entryType === 'market' || s.entries.length === 0) lines.push('Entry: market');
  else if (s.entryType === 'breakout_above' || s.entryType === 'breakout_below') {
    lines.push(`Enter ${s.entryType === 'breakout_above' ? 'above' : 'below'} ${s.entries.map(price).join(' - ')}`);
  } else if (s.entryZone) lines.push(`Entry zone: ${price(s.entryZone.low)} - ${price(s.entryZone.high)}`);
  else lines.push(`Entry: ${s.entries.map(price).join(' - ')}`);
  if (s.targets.length) lines.push('Targets:', ...s.targets.map((t, i) => `${i + 1}) ${price(t)}`));
  if (s.stopLoss) lines.push(`Stop: ${price(s.stopLoss)}`);
  return lines.join('\n');
}

/** "13 Days 16 Hours 56 Minutes", as Cornix writes periods; under a minute is "0 Minutes". */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const parts: [number, string][] = [[Math.floor(minutes / 1440), 'Day'], [Math.floor((minutes % 1440) / 60), 'Hour'], [minutes % 60, 'Minute']];
  const shown = parts.filter(([v], i) => v > 0 || (i === 2 && minutes === 0));
  return shown.map(([v, unit]) => `${v} ${unit}${v === 1 ? '' : 's'}`).join(' ');
}

/** Profit in percent of margin, as Cornix shows it: the price move times the leverage. */
export function computeProfitPct(direction: 'long' | 'short', entry: Decimal, exit: Decimal, leverage = 1): Decimal {
  const move = exit.minus(entry).div(entry).times(100).times(leverage);
  return direction === 'long' ? move : move.negated();
}

function pipsLine(pips: Decimal | null | undefined): string[] {
  return pips ? [`Pips: ${signed(pips, 1)}`] : [];
}

export function formatChannelEvent(e: ChannelEvent): string {
  const tag = `#${e.symbol}`;
  switch (e.kind) {
    case 'entry_filled': {
      const head = e.entryIndex >= e.entryCount ? `${tag} All entry targets achieved` : `${tag} Entry target ${e.entryIndex} ✅`;
      return [head, `Average Entry Price: ${price(e.averageEntry)} 💵`].join('\n');
    }
    case 'target_hit': {
      const head = e.targetIndex >= e.targetCount ? `${tag} All take-profit targets achieved 😎` : `${tag} Take-Profit target ${e.targetIndex} ✅`;
      return [head, `Profit: ${signed(e.profitPct, 2)}% 📈`, ...pipsLine(e.pips), `Period: ${formatElapsed(e.elapsedMs)} ⏰`].join('\n');
    }
    case 'stop_hit':
      return [`${tag} Stop target hit ⛔`, `Loss: ${signed(e.lossPct, 2)}% 📉`, ...pipsLine(e.pips), `Period: ${formatElapsed(e.elapsedMs)} ⏰`].join('\n');
    case 'stop_after_take_profit':
      return [`${tag} Closed at stoploss after reaching take profit ⚠️`, `Result: ${signed(e.resultPct, 2)}%`, ...pipsLine(e.pips), `Period: ${formatElapsed(e.elapsedMs)} ⏰`].join('\n');
    case 'cancelled': {
      const why = { target_before_entry: 'Target achieved before entering the entry zone', expired: 'The entry was not reached in time', manual: 'Cancelled by the channel' }[e.reason];
      return [`${tag} Cancelled ❌`, why].join('\n');
    }
    case 'closed': {
      const head = { opposite_signal: `${tag} Closed due to opposite direction signal ⚠️`, expired: `${tag} Closed: time limit reached ⏱`, manual: `${tag} Closed manually ⚠️` }[e.reason];
      return [head, ...(e.resultPct ? [`Result: ${signed(e.resultPct, 2)}%`] : []), ...pipsLine(e.pips)].join('\n');
    }
  }
}

/** The channel replies for a lifecycle run (stop moves and the initial fill of a market entry are not announced). */
export function describeLifecycle(symbol: string, signal: LifecycleSignal, result: LifecycleResult, leverage = 1): ChannelEvent[] {
  const direction = signal.direction === 'long' || signal.direction === 'BUY' ? 'long' : 'short';
  const since = (time: number): number => time - signal.openedAt;
  const pct = (p: Decimal): Decimal => computeProfitPct(direction, signal.entry, p, leverage);
  const out: ChannelEvent[] = [];
  for (const ev of result.events) {
    if (ev.kind === 'entry_filled') out.push({ kind: 'entry_filled', symbol, entryIndex: 1, entryCount: 1, averageEntry: signal.entry });
    if (ev.kind === 'tp_hit') out.push({ kind: 'target_hit', symbol, targetIndex: ev.targetIndex!, targetCount: signal.takeProfits.length, profitPct: pct(ev.price), elapsedMs: since(ev.time), pips: ev.pips });
    if (ev.kind === 'stop_hit' && result.targetsHit === 0) out.push({ kind: 'stop_hit', symbol, lossPct: pct(ev.price), elapsedMs: since(ev.time), pips: ev.pips });
    if (ev.kind === 'stop_hit' && result.targetsHit > 0) out.push({ kind: 'stop_after_take_profit', symbol, resultPct: result.pct.times(leverage), elapsedMs: since(ev.time), pips: result.pips });
    if (ev.kind === 'cancelled') out.push({ kind: 'cancelled', symbol, reason: 'target_before_entry' });
    if (ev.kind === 'expired' || ev.kind === 'manual_close') {
      const reason = ev.kind === 'expired' ? 'expired' : 'manual';
      if (ev.beforeEntry) out.push({ kind: 'cancelled', symbol, reason });
      else out.push({ kind: 'closed', symbol, reason, resultPct: result.pct.times(leverage), pips: result.pips });
    }
  }
  return out;
}
