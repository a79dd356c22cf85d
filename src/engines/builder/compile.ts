import { INDICATORS } from './catalogue.ts';
import { builderConfigSchema, type BuilderConfig, type Component } from './schema.ts';
import { SlotTable, type Slot, type Source } from './rules.ts';
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
