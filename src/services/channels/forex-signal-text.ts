/**
 * The channel post of a forex signal: the Cornix-style signal (so followers' bots can copy it)
 * and a status line that the price follower keeps current by editing the post.
 */
import { formatSignalPost } from '../../engines/signals/index.ts';
import { Decimal } from '../../shared/money.ts';

export interface ForexSignalView {
  symbol: string;
  direction: string; // BUY | SELL
  entryPrice: Decimal;
  stopLoss: Decimal;
  takeProfit1: Decimal | null;
  takeProfit2: Decimal | null;
  takeProfit3: Decimal | null;
  status: string;
  resultPips: Decimal | null;
}

const STATUS_LINES: Record<string, string> = {
  ACTIVE: 'Status: active ⏳',
  TP1_HIT: 'Status: TP1 hit ✅',
  TP2_HIT: 'Status: TP2 hit ✅✅',
  TP3_HIT: 'Status: TP3 hit ✅✅✅',
  STOPPED: 'Status: stopped ⛔',
  CLOSED: 'Status: closed',
};

export function targetsOf(s: Pick<ForexSignalView, 'takeProfit1' | 'takeProfit2' | 'takeProfit3'>): Decimal[] {
  return [s.takeProfit1, s.takeProfit2, s.takeProfit3].filter((t): t is Decimal => t !== null);
}

export function renderForexSignal(s: ForexSignalView, closed = false): string {
  const post = formatSignalPost({
    symbol: s.symbol,
    direction: s.direction === 'BUY' ? 'long' : 'short',
    entries: [s.entryPrice],
    entryType: 'limit',
    targets: targetsOf(s),
    stopLoss: s.stopLoss,
  });
  const pips = closed && s.resultPips ? ` (${s.resultPips.gte(0) ? '+' : ''}${s.resultPips.toFixed(1)} pips)` : '';
  return `${post}\n\n${STATUS_LINES[s.status] ?? `Status: ${s.status}`}${pips}`;
}
