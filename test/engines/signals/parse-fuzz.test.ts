/**
 * Random messages built from signal words, numbers, emojis and odd characters: the parsers never
 * throw, and every signal they accept is consistent (stop and targets on the right side).
 */
import { describe, expect, it } from 'vitest';
import { classifySignalMessage } from '../../../src/engines/signals/classify-message.ts';
import { parseSignalMessage } from '../../../src/engines/signals/parse-signal-message.ts';

// A fixed-seed generator (mulberry32), so a failure can be replayed.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'BTC/USDT', '#ETHUSDT', 'SOL', 'LONG', 'SHORT', 'Buy', 'Sell', 'Entry:', 'Entry zone', 'Targets:', 'TP1', 'Target 2:', 'Stop:', 'SL',
  'Leverage: Cross 20x', '5-10x', '1)', '2)', '-', ',', '%', '30K', '1.5M', '0.00012', '27,400', '100', '99.5', '101', '3', '0', '\n', '\n\n',
  '🚀', '1️⃣', '📈', '✅', '❌', '“', '”', '{', '}', '"', ':', 'null', '🌙', 'Enter above', 'market', 'х', '\u200d', '\uFE0F', 'Ｔａｒｇｅｔ',
];

describe('parsers on random input', () => {
  it('never throw, and accepted signals are consistent', () => {
    const next = rng(20240115);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 25) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(next() < 0.5 ? ' ' : '');
      const r = parseSignalMessage(text);
      expect(() => classifySignalMessage(text)).not.toThrow();
      if (!r.ok) {
        expect(r.reason.length).toBeGreaterThan(0);
        continue;
      }
      accepted++;
      const { direction, entries, targets, stopLoss } = r.signal;
      const long = direction === 'long';
      if (entries.length && stopLoss) for (const e of entries) expect(long ? stopLoss.lt(e) : stopLoss.gt(e)).toBe(true);
      const deepest = long ? entries.reduce((a, b) => (b.lt(a) ? b : a), entries[0]) : entries.reduce((a, b) => (b.gt(a) ? b : a), entries[0]);
      if (entries.length) for (const t of targets) expect(long ? t.gt(deepest) : t.lt(deepest)).toBe(true);
      for (const p of [...entries, ...targets]) expect(p.gt(0)).toBe(true);
    }
    expect(accepted).toBeGreaterThan(50); // the generator does produce real signals
  });
});
