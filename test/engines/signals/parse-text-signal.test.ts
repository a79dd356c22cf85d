import { describe, expect, it } from 'vitest';
import { parseTextSignal } from '../../../src/engines/signals/parse-text-signal.ts';
import type { ParseOptions, ParsedSignal } from '../../../src/engines/signals/parsed-signal.ts';

function parsed(text: string, options?: ParseOptions): ParsedSignal {
  const r = parseTextSignal(text, options);
  if (!r.ok) throw new Error(`expected a signal, got: ${r.reason}`);
  return r.signal;
}
const strs = (xs: { toFixed(): string }[]): string[] => xs.map((x) => x.toFixed());

describe('parseTextSignal: the Cornix basics', () => {
  it('reads pair, entries, targets and stop, and infers LONG from the prices', () => {
    const s = parsed('BTC/USDT\nBuy 100 110\nSell 120 130 140\nStop 90');
    expect(s).toMatchObject({ symbol: 'BTC/USDT', direction: 'long', directionSource: 'inferred', entryType: 'limit' });
    // Several prices on one line are sorted by direction: a long fills its higher entry first.
    expect(strs(s.entries)).toEqual(['110', '100']);
    expect(strs(s.targets)).toEqual(['120', '130', '140']);
    expect(s.stopLoss!.toFixed()).toBe('90');
  });

  it('infers SHORT when targets are below the entry and the stop above', () => {
    const s = parsed('ETH/USDT\nEntry 2000\nTargets 1900 1800\nStop 2100');
    expect(s.direction).toBe('short');
    expect(strs(s.targets)).toEqual(['1900', '1800']);
  });

  it.each(['BTC/USDT', 'BTCUSDT', '#BTC/USDT', 'BTC-USDT', '#BTCUSDT', 'btc/usdt', '$BTC/USDT', 'BTC /USDT'])('reads the pair written as %s', (pair) => {
    expect(parsed(`${pair}\nEntry 100\nTarget 110\nStop 90`).symbol).toBe('BTC/USDT');
  });

  it('reads a written direction in any of its forms', () => {
    expect(parsed('🔴 SELL : SOL/USDT\nEntry 20\nTP1 19\nStop 21').direction).toBe('short');
    expect(parsed('🟢 Buy: SOL/USDT\nEntry 20\nTP1 21\nStop 19').direction).toBe('long');
    expect(parsed('SOL/USDT (Short)\nEntry 20\nTP1 19\nStop 21').directionSource).toBe('written');
  });

  it('does not take "short term" for a direction', () => {
    const s = parsed('SOL/USDT short term idea\nEntry 20\nTargets 22 24\nStop 19');
    expect(s).toMatchObject({ direction: 'long', directionSource: 'inferred' });
  });
});

describe('parseTextSignal: entries', () => {
  it('reads "100-200" as two entries', () => {
    const s = parsed('BTC/USDT\nEntry: 100-200\nTargets: 250\nStop: 90');
    expect(strs(s.entries)).toEqual(['200', '100']);
    expect(s.entryZone).toBeNull();
  });

  it('splits "Buy zone 100-200" into 4 evenly spaced entries by default', () => {
    const s = parsed('BTC/USDT\nBuy zone 100-200\nTargets: 250\nStop: 90');
    // (200-100)/3 = 33.333…, rounded to 2 more decimals than the prices were written with.
    expect(strs(s.entries)).toEqual(['200', '166.67', '133.33', '100']);
    expect(strs([s.entryZone!.low, s.entryZone!.high])).toEqual(['100', '200']);
  });

  it('orders a short zone lowest first and honours the configured count', () => {
    const s = parsed('BTC/USDT\nEntry zone: 1.0 - 2.0\nTargets: 0.5\nStop: 2.5', { zoneEntries: 5 });
    expect(strs(s.entries)).toEqual(['1', '1.25', '1.5', '1.75', '2']);
    expect(strs(parsed('BTC/USDT\nEntry zone: 1.0 - 2.0\nTargets: 0.5\nStop: 2.5', { zoneEntries: 1 }).entries)).toEqual(['1.5']);
  });

  it('reads breakout entries: above is a long, filled lowest first', () => {
    const s = parsed('BTC/USDT\nEnter above 210-200\nTargets 250 300\nStop 180');
    expect(s).toMatchObject({ direction: 'long', entryType: 'breakout_above' });
    expect(strs(s.entries)).toEqual(['200', '210']);
    expect(parsed('BTC/USDT\nEnter below 100\nTargets 80\nStop 110')).toMatchObject({ direction: 'short', entryType: 'breakout_below' });
  });

  it('reads a market entry', () => {
    const s = parsed('BTC/USDT\nEntry: market\nTargets: 50000\nStop: 40000');
    expect(s).toMatchObject({ entryType: 'market', entries: [], direction: 'long' });
  });
});

describe('parseTextSignal: numbers', () => {
  it('expands 30K and 1.5M', () => {
    const s = parsed('BTC/USDT LONG\nEntry: 30K\nTargets: 32K 1.5M\nStop: 28.5K');
    expect(strs(s.entries)).toEqual(['30000']);
    expect(strs(s.targets)).toEqual(['32000', '1500000']);
    expect(s.stopLoss!.toFixed()).toBe('28500');
  });

  it('reads BTC-quoted prices written in satoshis', () => {
    const s = parsed('ADA/BTC\nBuy 30K\nSell 33000 36K\nStop 2800');
    // 1 satoshi = 0.00000001 BTC: 30K sat = 0.0003 BTC.
    expect(strs(s.entries)).toEqual(['0.0003']);
    expect(strs(s.targets)).toEqual(['0.00033', '0.00036']);
    expect(s.stopLoss!.toFixed()).toBe('0.000028');
  });

  it('reads thousands separators and keeps every digit of huge prices', () => {
    expect(strs(parsed('BTC/USDT\nEntry: 27,400\nTarget: 28,100\nStop: 26,950').entries)).toEqual(['27400']);
    const huge = '123456789012345678901234567890.123456789';
    expect(parsed(`BTC/USDT LONG\nEntry: ${huge}\nTarget: ${huge}1\nStop: 1`).entries[0].toFixed()).toBe(huge);
  });

  it('reads a percentage stop from the average entry', () => {
    // Average of 100 and 98 is 99; 5 % below is 94.05.
    expect(parsed('BTC/USDT LONG\nEntry 100 98\nTargets 120\nStop: 5%').stopLoss!.toFixed()).toBe('94.05');
    // Average 95, 5 % below is 90.25: above the deeper entry (90), so the signal is refused.
    expect(parseTextSignal('BTC/USDT LONG\nEntry 100 90\nTargets 120\nStop: 5%')).toMatchObject({ ok: false });
  });

  it('reads per-target percentages only when they add up to 100', () => {
    expect(strs(parsed('BTC/USDT\nEntry 100\nTarget 1: 110 - 60%\nTarget 2: 120 - 40%\nStop 90').targetSharesPct!)).toEqual(['60', '40']);
    const s = parsed('BTC/USDT\nEntry 100\nTarget 1: 110 - 60%\nTarget 2: 120 - 60%\nStop 90');
    expect(s.targetSharesPct).toBeNull();
    expect(s.notes.join(' ')).toMatch(/add up to 120%/);
  });
});

describe('parseTextSignal: leverage and trailing', () => {
  it.each([
    ['Leverage: Cross 20x', 20, 'cross'],
    ['Lev: Isolated 10x', 10, 'isolated'],
    ['Leverage: 5x-10x', 10, null],
    ['Leverage: Cross (20\u0445)', 20, 'cross'], // Cyrillic ha, as some channels type it
  ])('reads "%s"', (line, leverage, marginMode) => {
    expect(parsed(`BTC/USDT\n${line}\nEntry 100\nTarget 110\nStop 90`)).toMatchObject({ leverage, marginMode });
  });

  it('reads leverage written next to the pair', () => {
    expect(parsed('#BTC/USDT | Long, x20\nEntry 100\nTarget 110\nStop 90').leverage).toBe(20);
  });

  it('reads a Cornix trailing configuration without taking it for a target', () => {
    const s = parsed('BTC/USDT\nEntry 100\nTargets 110 120\nSL 90\nTrailing Configuration:\nStop: Moving Target - Trigger: Target (1)');
    expect(s.trailing).toEqual({ mode: 'moving_target', afterTarget: 1 });
    expect(strs(s.targets)).toEqual(['110', '120']);
  });
});

describe('parseTextSignal: rejections say what is wrong', () => {
  it('rejects a stop on the wrong side of the entry', () => {
    const r = parseTextSignal('BTC/USDT LONG\nEntry 100\nTargets 110\nStop 105');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/stop loss 105 is on the wrong side.*LONG.*below/);
  });

  it('rejects a written direction the targets contradict', () => {
    const r = parseTextSignal('BTC/USDT LONG\nEntry 100\nTargets 90 80');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/target 90 is on the wrong side/);
  });

  it('refuses a zero price', () => {
    const r = parseTextSignal('BTC/USDT SHORT\nEntry 100\nTargets 50 0');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('0 is not a price: prices must be more than 0.');
  });

  it('lists what is missing', () => {
    const r = parseTextSignal('BTC/USDT LONG, looking good');
    expect(r).toMatchObject({ ok: false, missing: ['entry', 'targets or stop loss'] });
    expect(parseTextSignal('Entry 100\nTargets 110\nStop 90')).toMatchObject({ ok: false, missing: ['pair'] });
    expect(parseTextSignal('')).toMatchObject({ ok: false, reason: 'The message is empty.' });
    expect(parseTextSignal('  \n\t ')).toMatchObject({ ok: false });
  });

  it('requires the full pair when no default quote is configured', () => {
    expect(parsed('#EGLD\nEntry 10\nTargets 11\nStop 9').symbol).toBe('EGLD/USDT');
    expect(parseTextSignal('#EGLD\nEntry 10\nTargets 11\nStop 9', { defaultQuote: null })).toMatchObject({ ok: false, missing: ['pair'] });
  });

  it('requires a stop only when asked', () => {
    expect(parsed('BTC/USDT\nEntry 100\nTargets 110').stopLoss).toBeNull();
    expect(parseTextSignal('BTC/USDT\nEntry 100\nTargets 110', { requireStop: true })).toMatchObject({ ok: false, missing: ['stop loss'] });
  });
});

describe('parseTextSignal: messy text does not crash', () => {
  it('reads an emoji-heavy signal', () => {
    const s = parsed('🚀🚀 #SOL/USDT 🚀🚀\n🟢 LONG 📈\n🎯 Entry: 1️⃣ 20.5\n🎯 TP: 1️⃣ 22 2️⃣ 24\n🛑 SL: 19 ❌');
    expect(s).toMatchObject({ symbol: 'SOL/USDT', direction: 'long' });
    expect(strs(s.targets)).toEqual(['22', '24']);
  });

  it('reads full-width characters', () => {
    expect(parsed('ＢＴＣ／ＵＳＤＴ\nＥｎｔｒｙ １００\nＴａｒｇｅｔ １１０\nＳｔｏｐ ９０').symbol).toBe('BTC/USDT');
  });

  it.each([
    '💥🔥😂👍🏽👨‍👩‍👧‍👦',
    'Z̷̢̛a̶l̸g̴o̵ ̷t̶e̸x̵t̷',
    '\uD800\uDFFF\uD800 lone surrogates',
    '🎯'.repeat(3000),
    '1) 2) 3) 4) % % % x x x',
    'Entry: ∞ Targets: NaN Stop: -0',
  ])('returns a failure for junk %#', (junk) => {
    expect(parseTextSignal(junk).ok).toBe(false);
  });

  it('refuses text too long to be a signal', () => {
    const r = parseTextSignal(`BTC/USDT Entry 100 Target 110 Stop 90 ${'x'.repeat(9000)}`);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.reason).toMatch(/too long/);
  });
});
