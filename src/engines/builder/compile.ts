import { INDICATORS } from './catalogue.ts';
import { builderConfigSchema, type BuilderConfig, type Component } from './schema.ts';
import { SlotTable, type CompiledCondition, type Slot, type Source } from './rules.ts';
import type { Side, SideRules, Sizing } from './policy.ts';
import type { CandleSeries } from '../types.ts';

/** A built strategy compiled once: its value slots, rules per side, warm-up, and batch slot values for the fast path. */
export interface CompiledRules {
  config: BuilderConfig;
  sources: Source[];
  slots: Slot[];
  labels: string[];
  rules: Record<Side, SideRules>;
  sizing: Sizing;
  /** Closed candles needed before the first decision: the longest indicator warm-up plus one. */
  warmup: number;
}

export function compileRules(raw: unknown): CompiledRules {
  const config = builderConfigSchema.parse(raw);
  const table = new SlotTable();
  const sorted = [...config.components].sort((a, b) => a.position - b.position);
  const rules: Record<Side, SideRules> = { long: emptySide(), short: emptySide() };
  for (const c of sorted) addComponent(c, rules[c.side], table);
  const warmup = 1 + table.sources.reduce((m, s) => Math.max(m, INDICATORS[s.indicator].lookback(s.params as any)), 0);
  return { config, sources: table.sources, slots: table.slots, labels: table.labels, rules, sizing: config.sizing, warmup };
}

function emptySide(): SideRules {
  return { entry: [], exit: [], trend: [], takeProfitPercent: null, stop: null };
}

function addComponent(c: Component, side: SideRules, table: SlotTable): void {
  switch (c.componentType) {
    case 'trend': side.trend.push(table.compileCondition(c.condition)); return;
    case 'entry': side.entry.push(table.compileCondition(c.condition)); return;
    case 'exit':
      if (c.condition) side.exit.push(table.compileCondition(c.condition));
      else side.takeProfitPercent = c.takeProfitPercent ?? null;
      return;
    case 'stop_loss': {
      const atrSlot = c.atrMultiplier !== undefined
        ? table.slotOf({ indicator: 'atr', params: { period: c.atrPeriod ?? 14 }, output: 'value' })
        : -1;
      side.stop = { percent: c.percent ?? null, atrMultiplier: c.atrMultiplier ?? null, atrSlot, trailing: c.trailing };
    }
  }
}

/** Every slot's value on every bar (NaN while an indicator warms up) — the batch form. */
export function computeSlotArrays(compiled: CompiledRules, series: CandleSeries): Float64Array[] {
  const outputs = compiled.sources.map((s) => INDICATORS[s.indicator].compute(series, s.params as any));
  return compiled.slots.map((slot) => {
    if (slot.kind === 'indicator') return outputs[slot.source][slot.output];
    if (slot.kind === 'price') return series[slot.field];
    return new Float64Array(series.close.length).fill(slot.value);
  });
}

/** The rules' verdict on every bar, for the fast path: 1 where a side's entry (with trend filters) or exit holds. */
export interface SignalArrays {
  enterLong: Uint8Array;
  enterShort: Uint8Array;
  exitLong: Uint8Array;
  exitShort: Uint8Array;
  atrLong: Float64Array | null;
  atrShort: Float64Array | null;
}

export function computeSignalArrays(compiled: CompiledRules, series: CandleSeries): SignalArrays {
  const slots = computeSlotArrays(compiled, series);
  const n = series.close.length;
  const { long, short } = compiled.rules;
  const enterLong = allOf(long.entry, slots, n, 0);
  const enterShort = allOf(short.entry, slots, n, 0);
  // No trend filter holds everywhere: nothing to combine.
  if (long.trend.length) andInto(enterLong, allOf(long.trend, slots, n, 1));
  if (short.trend.length) andInto(enterShort, allOf(short.trend, slots, n, 1));
  return {
    enterLong, enterShort, exitLong: allOf(long.exit, slots, n, 0), exitShort: allOf(short.exit, slots, n, 0),
    atrLong: atrArray(compiled, slots, 'long'), atrShort: atrArray(compiled, slots, 'short'),
  };
}

/** 1 on the bars where every condition holds; `empty` for an empty list (1 for trend filters). */
function allOf(conditions: readonly CompiledCondition[], slots: Float64Array[], n: number, empty: number): Uint8Array {
  if (conditions.length === 0) return empty ? new Uint8Array(n).fill(1) : new Uint8Array(n);
  // The first condition's own array starts the conjunction (no all-ones array to AND it into).
  const out = conditionArray(conditions[0], slots, n);
  for (let k = 1; k < conditions.length; k++) andInto(out, conditionArray(conditions[k], slots, n));
  return out;
}

function andInto(target: Uint8Array, other: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i] &= other[i];
}

/**
 * holds() over whole arrays, one tight loop per operator: the value at bar i and at bar i − 1
 * (none before bar 0, so crosses, rises and falls are false there, as in decide()).
 */
export function conditionArray(c: CompiledCondition, slots: Float64Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  const L = slots[c.left];
  const R = c.right >= 0 ? slots[c.right] : L;
  switch (c.op) {
    // Crosses carry bar i − 1's comparison over instead of loading and comparing it again.
    case 0: {
      let before = n > 0 && L[0] < R[0];
      for (let i = 1; i < n; i++) {
        const l = L[i];
        const r = R[i];
        out[i] = before && l > r ? 1 : 0;
        before = l < r;
      }
      break;
    }
    case 1: {
      let before = n > 0 && L[0] > R[0];
      for (let i = 1; i < n; i++) {
        const l = L[i];
        const r = R[i];
        out[i] = before && l < r ? 1 : 0;
        before = l > r;
      }
      break;
    }
    case 2: for (let i = 0; i < n; i++) out[i] = L[i] > R[i] ? 1 : 0; break;
    case 3: for (let i = 0; i < n; i++) out[i] = L[i] < R[i] ? 1 : 0; break;
    case 4: for (let i = 1; i < n; i++) out[i] = L[i] > L[i - 1] ? 1 : 0; break;
    default: for (let i = 1; i < n; i++) out[i] = L[i] < L[i - 1] ? 1 : 0;
  }
  return out;
}

function atrArray(compiled: CompiledRules, slots: Float64Array[], side: Side): Float64Array | null {
  const stop = compiled.rules[side].stop;
  return stop && stop.atrSlot >= 0 ? slots[stop.atrSlot] : null;
}
