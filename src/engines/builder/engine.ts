import type { Decision, MarketSnapshot, StrategyEngine } from '../types.ts';
import { INDICATORS } from './catalogue.ts';
import { compileRules, type CompiledRules } from './compile.ts';
import { actionsToIntents, applyFills, emptySignals, evaluateSignals, initialPolicyState, planBar, type Action, type PolicyState } from './policy.ts';
import { builderConfigSchema, type BuilderConfig } from './schema.ts';

/** JSON state of a built strategy: indicator streams, the last two bars' slot values (null = none yet), the position. */
export interface BuilderState {
  lastTime: number | null;
  streams: unknown[];
  outputs: (number | null)[][];
  current: (number | null)[];
  previous: (number | null)[];
  policy: PolicyState;
}

/**
 * A built strategy as a StrategyEngine. It runs under the `ai` bot type: an indicator-driven
 * strategy whose Decision carries the indicator values behind it. Compiled rules are cached
 * per config object.
 */
/** Compiled rules plus scratch buffers for one decision (not state: rebuilt from the state each call). */
interface Prepared extends CompiledRules {
  cur: Float64Array;
  prev: Float64Array;
  signals: ReturnType<typeof emptySignals>;
}

export function createBuilderEngine(): StrategyEngine<BuilderConfig, BuilderState> {
  const cache = new WeakMap<object, Prepared>();
  const compiled = (config: BuilderConfig) => {
    let c = cache.get(config);
    if (!c) {
      const rules = compileRules(config);
      cache.set(config, (c = { ...rules, cur: new Float64Array(rules.slots.length), prev: new Float64Array(rules.slots.length), signals: emptySignals() }));
    }
    return c;
  };
  return {
    type: 'ai',
    configSchema: builderConfigSchema,
    warmupCandles: (config) => compiled(config).warmup,
    initialState: (config) => initialBuilderState(compiled(config)),
    decide: (state, market, config) => decideBuilt(compiled(config), state, market),
  };
}

export function initialBuilderState(c: CompiledRules): BuilderState {
  return {
    lastTime: null,
    streams: c.sources.map((s) => INDICATORS[s.indicator].create(s.params as any)),
    outputs: c.sources.map((s) => INDICATORS[s.indicator].outputs.map(() => null)),
    current: c.slots.map(() => null),
    previous: c.slots.map(() => null),
    policy: initialPolicyState(),
  };
}

function decideBuilt(c: Prepared, state: BuilderState, market: MarketSnapshot) {
  feedNewCandles(c, state, market);
  applyFills(state.policy, market.fills, market.openOrderTags, c.rules);
  const last = market.candles[market.candles.length - 1];
  const { cur, prev } = c;
  for (let k = 0; k < cur.length; k++) {
    cur[k] = nullToNaN(state.current[k]);
    prev[k] = nullToNaN(state.previous[k]);
  }
  const actions = last ? planBar(state.policy, c.rules, evaluateSignals(c.rules, cur, prev, c.signals), last) ?? [] : [];
  const intents = actions.length ? actionsToIntents(actions, c.sizing, market.price, market.balances.quote, market.pair) : [];
  return { intents, state, decision: describe(c, actions, market.price, cur) };
}

function feedNewCandles(c: CompiledRules, state: BuilderState, market: MarketSnapshot): void {
  const candles = market.candles;
  let start = candles.length;
  while (start > 0 && (state.lastTime === null || candles[start - 1].time > state.lastTime)) start--;
  for (let i = start; i < candles.length; i++) {
    const candle = candles[i];
    for (let s = 0; s < c.sources.length; s++) state.outputs[s] = INDICATORS[c.sources[s].indicator].update(state.streams[s], candle);
    for (let k = 0; k < c.slots.length; k++) {
      const slot = c.slots[k];
      state.previous[k] = state.current[k];
      const v = slot.kind === 'indicator' ? state.outputs[slot.source][slot.output] : slot.kind === 'price' ? candle[slot.field] : slot.value;
      state.current[k] = v === null || Number.isNaN(v) ? null : v;
    }
    state.lastTime = candle.time;
  }
}

function nullToNaN(v: number | null): number {
  return v === null ? Number.NaN : v;
}

function describe(c: CompiledRules, actions: readonly Action[], price: number, cur: Float64Array): Decision {
  const indicators: Record<string, number | null> = {};
  c.labels.forEach((label, k) => (indicators[label] = Number.isNaN(cur[k]) ? null : cur[k]));
  if (actions.length === 0) return { signal: 'HOLD', confidence: 0, reason: 'no entry or exit rule fired', price, indicators };
  const last = actions[actions.length - 1];
  const buys = last.type === 'open' ? last.side === 'long' : last.position.side === 'short';
  const reason = actions.map((a) => (a.type === 'open' ? a.reason : `close ${a.position.side} (${a.why})`)).join('; ');
  return { signal: buys ? 'BUY' : 'SELL', confidence: 100, reason, price, indicators };
}
