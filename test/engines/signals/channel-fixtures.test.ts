/**
 * The real channel messages of test/fixtures/signals: every expected parse matches (with the
 * corrections and conventions listed in expected-corrections.json), every "must parse" message
 * parses, and every lifecycle message is recognised as not-a-new-signal.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { classifySignalMessage } from '../../../src/engines/signals/classify-message.ts';
import { parseTextSignal } from '../../../src/engines/signals/parse-text-signal.ts';
import type { ParsedSignal } from '../../../src/engines/signals/parsed-signal.ts';
import { channelMessages, cornixMessages, readFixtureJson } from './load-fixtures.ts';

const { corrections, lifecycle } = readFixtureJson<{ corrections: Record<string, any>; lifecycle: Record<string, string> }>(
  'signals/expected-corrections.json',
);
const QUOTES = ['USDT', 'BUSD', 'USDC'];

/** Upstream's coin ('CFXUSDT', 'HOT/USDT') written as BASE/QUOTE. */
function pairOf(coin: string): string {
  if (coin.includes('/')) return coin;
  const quote = QUOTES.find((q) => coin.endsWith(q));
  return quote ? `${coin.slice(0, -quote.length)}/${quote}` : coin;
}

/** Upstream leverage: a number, or "(5-10x)" read as its upper end. */
function leverageOf(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const nums = String(value).match(/\d+(\.\d+)?/g)?.map(Number) ?? [];
  return nums.length ? Math.max(...nums) : null;
}

const strs = (xs: Decimal[]): string[] => xs.map((x) => x.toFixed());
const sortedForDirection = (xs: number[], direction: string, nearestFirst: boolean): string[] => {
  const ascending = (direction === 'long') === nearestFirst;
  return [...xs].sort((a, b) => (ascending ? a - b : b - a)).map((x) => new Decimal(String(x)).toFixed());
};

function expectMatches(signal: ParsedSignal, expected: any, fix: any): void {
  const exp = { ...expected, ...(fix.expected ?? {}) };
  const entry: number[] = exp.entry ?? exp.entries;
  const targets: number[] = exp.targets ?? exp.tps;
  const stop = 'stopLoss' in fix ? fix.stopLoss : 'stopLoss' in exp ? exp.stopLoss : exp.sl;
  expect(signal.symbol).toBe(fix.symbol ?? pairOf(exp.coin));
  const direction = fix.direction ?? (exp.direction ? String(exp.direction).toLowerCase() : null);
  if (direction) expect(signal.direction).toBe(direction);
  // Cornix order: a long fills its highest entry first and takes its lowest target first.
  expect(strs(signal.entries)).toEqual(sortedForDirection(entry, signal.direction, false));
  expect(strs(signal.targets)).toEqual(sortedForDirection(targets, signal.direction, true));
  if (typeof stop === 'string' && stop.endsWith('%')) {
    // "-7%": 7 % below the average entry, computed here by hand.
    const avg = entry.reduce((a, b) => a + b, 0) / entry.length;
    expect(signal.stopLoss!.toNumber()).toBeCloseTo(avg * (1 - Math.abs(parseFloat(stop)) / 100), 9);
  } else if (stop === null || stop === undefined) expect(signal.stopLoss).toBeNull();
  else expect(signal.stopLoss!.toFixed()).toBe(new Decimal(String(stop)).toFixed());
  const leverage = 'leverage' in fix ? fix.leverage : leverageOf(exp.leverage);
  if (leverage !== undefined) expect(signal.leverage).toBe(leverage);
  const exchange = 'exchange' in fix ? fix.exchange : exp.exchange;
  if (exchange !== undefined && exchange !== '') expect(signal.exchange).toBe(exchange);
  if (exp.config?.tps) expect(signal.targetSharesPct?.map((d) => d.toNumber())).toEqual(exp.config.tps.map((t: any) => t.percentage));
}

describe('channel messages with an expected parse (crypto-signals-analysis)', () => {
  channelMessages.signals_with_expected_parse.forEach((s, i) => {
    const fix = corrections[String(i)] ?? {};
    if (lifecycle[String(i)]) {
      it(`#${i} ${s.file} is a ${lifecycle[String(i)]} message, not a new signal`, () => {
        const c = classifySignalMessage(s.text);
        expect(c.kind).toBe(lifecycle[String(i)]);
        if (s.expected?.coin) expect(c.symbol).toBe(s.expected.coin);
        if (s.expected?.pct) expect(c.percent?.toNumber()).toBe(s.expected.pct);
      });
      return;
    }
    it(`#${i} ${s.file} parses as expected${fix.why ? ` (${fix.why})` : ''}`, () => {
      // zoneEntries 2 keeps a zone's edges, which is what upstream lists as its entries.
      const r = parseTextSignal(s.text, { zoneEntries: 2 });
      if (!r.ok) throw new Error(r.reason);
      expectMatches(r.signal, s.expected ?? {}, fix);
      expect(classifySignalMessage(s.text).kind).toBe('new_signal');
    });
  });
});

describe('channel messages that must parse', () => {
  channelMessages.signals_that_must_parse.forEach((s, i) => {
    const isTargetReport = s.parser_fn === 'parseTPString';
    it(`#${i} ${s.file} ${isTargetReport ? 'is a target-hit report' : 'parses'}`, () => {
      const c = classifySignalMessage(s.text);
      if (isTargetReport) return expect(c.kind).toBe('target_hit');
      expect(c.kind).toBe('new_signal');
      const r = parseTextSignal(s.text);
      expect(r.ok ? '' : r.reason).toBe('');
    });
  });
});

describe('Cornix-style channel (cpt-telegram-tradingsignals-interpreter)', () => {
  it('reads per-target percentages and cross leverage', () => {
    const r = parseTextSignal(cornixMessages.signal_1);
    if (!r.ok) throw new Error(r.reason);
    expect(r.signal).toMatchObject({ symbol: 'APE/USDT', direction: 'short', leverage: 40, marginMode: 'cross', exchange: null });
    expect(strs(r.signal.entries)).toEqual(['5.967']);
    expect(strs(r.signal.targets)).toEqual(['5.937', '5.854', '5.758', '5.752']);
    expect(strs(r.signal.targetSharesPct!)).toEqual(['30', '20', '25', '25']);
    expect(r.signal.stopLoss!.toFixed()).toBe('6.116');
  });

  it('splits an entry zone and ignores a "null" target', () => {
    const r = parseTextSignal(cornixMessages.signal_4, { zoneEntries: 3 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.signal.symbol).toBe('XRP/USDT');
    expect(r.signal.direction).toBe('long');
    // Zone 0.3185-0.3292 in three: the edges and the middle (0.32385), highest first for a long.
    expect(strs(r.signal.entries)).toEqual(['0.3292', '0.32385', '0.3185']);
    expect(strs(r.signal.targets)).toEqual(['0.3358', '0.3374', '0.3397']);
    expect(r.signal.notes).toContain('the quote currency was not written; assumed USDT');
  });

  it.each([
    ['entry_achieved', 'entry_filled', 'APE/USDT'],
    ['take_profit_1', 'target_hit', 'DOT/USDT'],
    ['take_profit_2', 'target_hit', 'DOT/USDT'],
    ['stop_loss', 'stop_hit', 'APE/USDT'],
    ['close_opposite', 'closed', 'XRP/USDT'],
    ['canceled', 'cancelled', 'WAVES/USDT'],
  ])('classifies %s as %s', (name, kind, symbol) => {
    const c = classifySignalMessage(cornixMessages[name]);
    expect(c.kind).toBe(kind);
    expect(c.symbol).toBe(symbol);
  });

  it('reads the target number, the profit and "after take profit"', () => {
    expect(classifySignalMessage(cornixMessages.take_profit_1)).toMatchObject({ targetIndex: 2, allTargets: false });
    expect(classifySignalMessage(cornixMessages.take_profit_1).percent?.toFixed()).toBe('69.8204');
    expect(classifySignalMessage(cornixMessages.stop_loss).afterTakeProfit).toBe(true);
  });
});
