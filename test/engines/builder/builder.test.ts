/** The strategy builder: versionable config, rule semantics, stops and targets, worked by hand. */
import { describe, expect, it } from 'vitest';
import { builderConfigSchema, compileRules, computeSlotArrays, conditionArray, createBuilderEngine } from '../../../src/engines/builder/index.ts';
import { runBacktest } from '../../../src/engines/backtest/index.ts';
import { candlesToSeries } from '../../../src/engines/backtest/index.ts';
import { candlesFrom, recording, settingsFor } from '../helpers/scenario.ts';

const entry = (op: string, right: unknown) => ({ componentType: 'entry', condition: { left: { price: 'close' }, op, right } });

describe('builder config', () => {
  it('parses idempotently, so a stored parsed config parses to itself (versionable JSON)', () => {
    const parsed = builderConfigSchema.parse({ version: 1, name: 'x', components: [{ componentType: 'entry', condition: { left: { indicator: 'rsi' }, op: 'below', right: { value: 30 } } }] });
    expect(builderConfigSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    expect(parsed.components[0]).toMatchObject({ side: 'long', position: 0, condition: { left: { indicator: 'rsi', params: { period: 14 }, output: 'value' } } });
  });

  it('names the field and range of bad parameters, outputs and components', () => {
    const issues = (raw: unknown) => builderConfigSchema.safeParse(raw).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ version: 1, name: 'x', components: [{ componentType: 'entry', condition: { left: { indicator: 'sma', params: { period: 0 } }, op: 'above', right: { value: 1 } } }] }))
      .toEqual(['components.0.condition.left.params.period: period must be a whole number between 1 and 1000']);
    expect(issues({ version: 1, name: 'x', components: [{ componentType: 'entry', condition: { left: { indicator: 'macd', output: 'upper' }, op: 'rises' } }] }))
      .toEqual(["components.0.condition.left.output: output must be one of 'macd', 'signal', 'histogram' for macd"]);
    expect(issues({ version: 2, name: 'x', components: [{ componentType: 'entry', condition: { left: { price: 'close' }, op: 'rises' } }] })).toEqual(['version: version must be 1']);
    expect(issues({ version: 1, name: 'x', components: [{ componentType: 'exit', takeProfitPercent: 2 }] })).toEqual(['components: components need at least one entry']);
  });
});

describe('rule semantics', () => {
  const series = candlesToSeries(candlesFrom([1, 3, 2, 4, 4]));
  const compiled = compileRules({ version: 1, name: 'x', components: [entry('crosses_above', { value: 2.5 }), entry('rises', undefined), entry('below', { value: 4 })] });
  const slots = computeSlotArrays(compiled, series);
  const rules = compiled.rules.long.entry;
  it('crosses above: below on the previous bar, above on this one', () => expect(Array.from(conditionArray(rules[0], slots, 5))).toEqual([0, 1, 0, 1, 0]));
  it('rises / below compare with the previous bar / the other operand', () => {
    expect(Array.from(conditionArray(rules[1], slots, 5))).toEqual([0, 1, 0, 1, 0]);
    expect(Array.from(conditionArray(rules[2], slots, 5))).toEqual([1, 1, 1, 0, 0]);
  });
});

describe('built strategy engine', () => {
  it('enters at the next open, takes profit and stops out at market on the candle after they are reached', () => {
    const config = { version: 1, name: 'x', components: [entry('above', { value: 100 }), { componentType: 'exit', takeProfitPercent: 2 }, { componentType: 'stop_loss', percent: 1 }] };
    const { engine, log } = recording(createBuilderEngine());
    const r = runBacktest(engine, config, candlesFrom([101, 101, [101, 103.5, 101, 103], 103, [103, 103, 100, 101], 100]), settingsFor());
    // buy 10000/101 → 99.009 at 101; target 101 × 1.02 = 103.02 reached on candle 2 → sold at the next open 103
    expect(r.trades[0].entryPrice.toFixed()).toBe('101');
    expect([r.trades[0].exitPrice.toFixed(), r.trades[0].closeReason]).toEqual(['103', 'TAKE_PROFIT']);
    // re-entered at 103 (candle 4 open): stop 101.97 reached by candle 4's low 100 → sold at 100
    expect([r.trades[1].entryPrice.toFixed(), r.trades[1].exitPrice.toFixed(), r.trades[1].closeReason]).toEqual(['103', '100', 'STOP_LOSS']);
    expect(log[0].decision).toMatchObject({ signal: 'BUY', confidence: 100, reason: 'entry long: close above 100', indicators: { close: 101, '100': 100 } });
  });
});
