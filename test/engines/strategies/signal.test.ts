/** Following a signal: split modes, entries, targets, moving-target trailing and refusals, worked by hand. */
import { describe, expect, it } from 'vitest';
import { signalEngine } from '../../../src/engines/strategies/index.ts';
import { targetFractions } from '../../../src/engines/strategies/signal/split.ts';
import { runBacktest } from '../../../src/engines/backtest/index.ts';
import type { ExternalSignal } from '../../../src/engines/types.ts';
import { candlesFrom, d, recording, settingsFor, T0 } from '../helpers/scenario.ts';

const fractions = (...args: Parameters<typeof targetFractions>) => targetFractions(...args).map((f) => f.toDecimalPlaces(10).toFixed());

describe('position split across targets', () => {
  it('evenly, one target, fifty on first, decreasing exponential, custom', () => {
    expect(fractions('evenly', 4)).toEqual(['0.25', '0.25', '0.25', '0.25']);
    expect(fractions('one_target', 3, { oneTarget: 2 })).toEqual(['0', '1', '0']);
    expect(fractions('fifty_on_first', 3)).toEqual(['0.5', '0.25', '0.25']);
    expect(fractions('fifty_on_first', 1)).toEqual(['1']);
    // 4/7, 2/7, 1/7
    expect(fractions('decreasing_exponential', 3)).toEqual(['0.5714285714', '0.2857142857', '0.1428571429']);
    expect(fractions('custom', 3, { customPercents: [60, 30, 10] })).toEqual(['0.6', '0.3', '0.1']);
    expect(fractions('custom', 2, { customPercents: [60, 30, 10] })).toEqual(['0.6', '0.4']); // extra percent joins the last target
  });
});

const signal = (overrides: Partial<ExternalSignal> = {}): ExternalSignal => ({
  id: 'sig-1', symbol: 'BTC/USDT', direction: 'long', entries: [d(100), d(98)], entryType: 'limit',
  targets: [d(102), d(104), d(106)], stopLoss: d(95), time: T0, ...overrides,
});

describe('signal engine', () => {
  it('enters at two prices, re-lays targets, trails the stop (moving target) and closes at the stop after two targets', () => {
    const { engine, log } = recording(signalEngine);
    const candles = candlesFrom([101, [101, 101, 99.5, 100], [100, 100, 97.5, 98.5], [99, 102.5, 99, 102], [102, 104.5, 102, 104], [103, 103, 101.5, 101.8], [101.7, 101.7, 101.7, 101.7]]);
    const r = runBacktest(engine, { positionSizeQuote: 198, trailing: 'moving_target' }, candles, settingsFor({ feed: (i) => (i === 0 ? { signals: [signal()] } : undefined) }));
    // 99 USDT per entry: 0.99 at 100, 99/98 = 1.0102… → 1.010 at 98
    expect(log[0].intents.map((i: any) => [i.tag, i.price.toFixed(), i.quantity.toFixed()])).toEqual([['s1:e0', '100', '0.99'], ['s1:e1', '98', '1.01']]);
    // first entry filled: 0.99 split evenly: 0.33 at each target
    expect(log[1].intents.filter((i) => i.kind === 'place_order').map((i: any) => [i.price.toFixed(), i.quantity.toFixed()])).toEqual([['102', '0.33'], ['104', '0.33'], ['106', '0.33']]);
    // second entry: 2.000 → 0.666, 0.666, 0.668
    expect(log[2].intents.filter((i) => i.kind === 'place_order').map((i: any) => i.quantity.toFixed())).toEqual(['0.666', '0.666', '0.668']);
    // TP1 then TP2 hit; stop moved to the entry 98.99, then to TP1 = 102; candle 5's low 101.5 reaches it
    expect(log[5].intents.some((i: any) => i.kind === 'place_order' && i.closeReason === 'STOP_LOSS' && i.reason.includes('closed at stop after a take profit'))).toBe(true);
    // 0.666 × 102 + 0.666 × 104 + 0.668 × 101.7 − (0.99 × 100 + 1.01 × 98) = 205.1316 − 197.98
    expect([r.trades.length, r.trades[0].pnl.toFixed(), r.trades[0].closeReason]).toEqual([1, '7.1516', 'STOP_LOSS']);
    expect(r.trades[0].entryPrice.toFixed()).toBe('98.99');
  });

  it('break-even after TP1 moves the stop to the average entry', () => {
    const candles = candlesFrom([101, [101, 101, 99.5, 100], [100, 102.5, 100, 102], [101, 101, 99.9, 100], [99.95, 99.95, 99.95, 99.95]]);
    const r = runBacktest(signalEngine, { positionSizeQuote: 100, trailing: 'breakeven_after_tp1' }, candles, settingsFor({ feed: (i) => (i === 0 ? { signals: [signal({ entries: [d(100)] })] } : undefined) }));
    // 1.000 at 100; TP1 takes 0.333 at 102; stop → 100; low 99.9 → 0.667 sold at 99.95
    expect(r.trades[0].pnl.toFixed()).toBe(d('0.333').mul(102).add(d('0.667').mul('99.95')).sub(100).toFixed());
  });

  it('cancels when the first target trades before any entry filled', () => {
    const { engine, log } = recording(signalEngine);
    const r = runBacktest(engine, {}, candlesFrom([101, [101, 102.5, 100.5, 102]]), settingsFor({ feed: (i) => (i === 0 ? { signals: [signal()] } : undefined) }));
    expect(log[1].intents.map((i: any) => [i.kind, i.tag])).toEqual([['cancel_order', 's1:e0'], ['cancel_order', 's1:e1']]);
    expect(log[1].decision.reason).toContain('cancelled: target hit before entry');
    expect(r.trades).toHaveLength(0);
  });

  it('ignores a repeated signal, a short on a spot bot, a stop on the wrong side, and other symbols', () => {
    const { engine, log } = recording(signalEngine);
    const signals = [signal(), signal(), signal({ id: 'short', direction: 'short', targets: [d(90)], stopLoss: d(110) }), signal({ id: 'bad', stopLoss: d(101) }), signal({ id: 'eth', symbol: 'ETH/USDT' })];
    runBacktest(engine, {}, candlesFrom([101]), settingsFor({ feed: () => ({ signals }) }));
    expect(log[0].intents.filter((i) => i.kind === 'place_order')).toHaveLength(2); // only sig-1's two entries
    expect(log[0].decision.signal).toBe('BUY');
    const again = recording(signalEngine);
    runBacktest(again.engine, {}, candlesFrom([101]), settingsFor({ feed: () => ({ signals: signals.slice(2, 4) }) }));
    expect(again.log[0].decision.reason).toBe('signal short ignored: short signals need allowShort; signal bad ignored: stop on the wrong side of the entry');
  });

  it('custom split must add up to 100', () => {
    expect(signalEngine.configSchema.safeParse({ split: 'custom', customPercents: [50, 30] }).error?.issues[0].message).toBe('customPercents must be given and add up to 100 when split is custom');
  });

  it("closes an open trade at market on the provider's exit alert, and cancels one not entered yet", () => {
    const exit = signal({ id: 'exit-1', kind: 'exit', entries: [], targets: [], stopLoss: null });
    // entry 1.000 at 100 on candle 1; the exit arrives with candle 2; the market close fills at candle 3's open, 101.2
    const candles = candlesFrom([101, [101, 101, 99.5, 100], [100.5, 101.5, 100.5, 101], [101.2, 101.3, 101.1, 101.2]]);
    const { engine, log } = recording(signalEngine);
    const feed = (i: number) => (i === 0 ? { signals: [signal({ entries: [d(100)] })] } : i === 2 ? { signals: [exit] } : undefined);
    const r = runBacktest(engine, { positionSizeQuote: 100 }, candles, settingsFor({ feed }));
    expect(log[2].intents.filter((x: any) => x.kind === 'place_order').map((x: any) => [x.tag, x.side, x.type, x.quantity.toFixed(), x.closeReason])).toEqual([['s1:close', 'sell', 'market', '1', 'SIGNAL']]);
    expect(log[2].intents.filter((x) => x.kind === 'cancel_order')).toHaveLength(3); // the three targets
    expect([r.trades.length, r.trades[0].pnl.toFixed(), r.trades[0].closeReason]).toEqual([1, '1.2', 'SIGNAL']);

    const early = recording(signalEngine);
    const none = runBacktest(early.engine, {}, candlesFrom([101, [101, 101.5, 100.5, 101]]), settingsFor({ feed: (i) => ({ signals: i === 0 ? [signal()] : [exit] }) }));
    expect(early.log[1].intents.map((x: any) => [x.kind, x.tag])).toEqual([['cancel_order', 's1:e0'], ['cancel_order', 's1:e1']]);
    expect(early.log[1].decision.reason).toContain('exit signal exit-1: closing 1 long trade(s)');
    expect(none.trades).toHaveLength(0);
  });
});
