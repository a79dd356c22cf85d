/**
 * What the runner keeps in bots.engine_state: the engine's own JSON state, plus fills the
 * engine has not been told about yet (market orders fill after its decision; it learns of them
 * on the next one). Decimals travel as strings.
 */
import type { Fill } from '../../engines/types.ts';
import { Decimal } from '../../shared/money.ts';

interface StoredFill {
  tag: string;
  side: 'buy' | 'sell';
  price: string;
  quantity: string;
  fee: string;
  time: number;
}

export interface StoredEngineState {
  state?: unknown;
  pendingFills?: StoredFill[];
}

export function readEngineState(raw: unknown): { state: unknown; hasState: boolean; pendingFills: Fill[] } {
  const stored = (raw ?? {}) as StoredEngineState;
  return {
    state: stored.state,
    hasState: stored.state !== undefined,
    pendingFills: (stored.pendingFills ?? []).map((f) => ({ ...f, price: new Decimal(f.price), quantity: new Decimal(f.quantity), fee: new Decimal(f.fee) })),
  };
}

export function writeEngineState(state: unknown, pendingFills: Fill[]): StoredEngineState {
  return {
    state,
    pendingFills: pendingFills.map((f) => ({ tag: f.tag, side: f.side, price: f.price.toFixed(), quantity: f.quantity.toFixed(), fee: f.fee.toFixed(), time: f.time })),
  };
}
