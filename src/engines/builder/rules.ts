import type { Operand, Condition } from './schema.ts';
import { CONDITION_OPS, PRICE_FIELDS } from './schema.ts';
import { INDICATORS, type IndicatorId } from './catalogue.ts';

/**
 * Operands compile to value slots (one number per bar) and conditions to slot comparisons, so
 * decide() and the fast path evaluate the same rules over the same numbers.
 */
export type Slot =
  | { kind: 'indicator'; source: number; output: number }
  | { kind: 'price'; field: (typeof PRICE_FIELDS)[number] }
  | { kind: 'constant'; value: number };

export interface Source {
  indicator: IndicatorId;
  params: Record<string, unknown>;
}

export interface CompiledCondition {
  op: number; // index in CONDITION_OPS
  left: number;
  right: number; // -1 for rises / falls
  label: string;
}

export class SlotTable {
  readonly sources: Source[] = [];
  readonly slots: Slot[] = [];
  readonly labels: string[] = [];
  private readonly sourceKeys = new Map<string, number>();
  private readonly slotKeys = new Map<string, number>();

  slotOf(o: Operand): number {
    const key = JSON.stringify(o);
    const existing = this.slotKeys.get(key);
    if (existing !== undefined) return existing;
    let slot: Slot;
    let label: string;
    if ('indicator' in o) {
      const sourceKey = JSON.stringify([o.indicator, o.params]);
      let source = this.sourceKeys.get(sourceKey);
      if (source === undefined) {
        source = this.sources.push({ indicator: o.indicator, params: o.params }) - 1;
        this.sourceKeys.set(sourceKey, source);
      }
      const def = INDICATORS[o.indicator];
      slot = { kind: 'indicator', source, output: def.outputs.indexOf(o.output) };
      const args = Object.values(o.params).filter((v) => v !== null).join(',');
      label = `${o.indicator}(${args})${def.outputs.length > 1 ? `.${o.output}` : ''}`;
    } else if ('price' in o) {
      slot = { kind: 'price', field: o.price };
      label = o.price;
    } else {
      slot = { kind: 'constant', value: o.value };
      label = String(o.value);
    }
    this.slots.push(slot);
    this.labels.push(label);
    this.slotKeys.set(key, this.slots.length - 1);
    return this.slots.length - 1;
  }

  compileCondition(c: Condition): CompiledCondition {
    const left = this.slotOf(c.left);
    const right = c.right ? this.slotOf(c.right) : -1;
    const label = `${this.labels[left]} ${c.op.replace('_', ' ')}${right >= 0 ? ` ${this.labels[right]}` : ''}`;
    return { op: CONDITION_OPS.indexOf(c.op), left, right, label };
  }
}

/** Whether a condition holds at this bar; anything compared with a missing value (NaN) is false. */
export function holds(c: CompiledCondition, cur: ArrayLike<number>, prev: ArrayLike<number>): boolean {
  const l = cur[c.left];
  switch (c.op) {
    case 0: return prev[c.left] < prev[c.right] && l > cur[c.right]; // crosses_above (backtesting.py's crossover)
    case 1: return prev[c.left] > prev[c.right] && l < cur[c.right]; // crosses_below
    case 2: return l > cur[c.right]; // above
    case 3: return l < cur[c.right]; // below
    case 4: return l > prev[c.left]; // rises
    default: return l < prev[c.left]; // falls
  }
}

/** All conditions hold (an empty list holds when `emptyHolds`: trend filters; not for entries and exits). */
export function allHold(list: readonly CompiledCondition[], cur: ArrayLike<number>, prev: ArrayLike<number>, emptyHolds: boolean): boolean {
  if (list.length === 0) return emptyHolds;
  for (const c of list) if (!holds(c, cur, prev)) return false;
  return true;
}
