import { describe, expect, it } from 'vitest';
import { parseJsonSignal } from '../../../src/engines/signals/parse-json-signal.ts';
import { parseSignalMessage } from '../../../src/engines/signals/parse-signal-message.ts';

describe('our JSON signal format', () => {
  it('reads a full signal, keeping every digit of string prices', () => {
    const r = parseJsonSignal({
      symbol: 'SHIB/USDT', direction: 'LONG', entries: ['0.000012345678901234'], targets: ['0.000013', 0.000014],
      stopLoss: '0.000011', leverage: 3, exchange: 'binance', targetSharesPct: [50, 50],
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.signal).toMatchObject({ symbol: 'SHIB/USDT', direction: 'long', leverage: 3, exchange: 'binance', entryType: 'limit' });
    expect(r.signal.entries[0].toFixed()).toBe('0.000012345678901234');
    expect(r.signal.targets.map((t) => t.toFixed())).toEqual(['0.000013', '0.000014']);
    expect(r.signal.targetSharesPct!.map(String)).toEqual(['50', '50']);
  });

  it('accepts buy/sell, glued symbols, a zone and a market entry', () => {
    const zone = parseJsonSignal({ symbol: 'ETHUSDT', direction: 'sell', entryZone: { low: 100, high: 200 }, targets: [50], stopLoss: 250 });
    expect(zone.ok && zone.signal.entries.map(String)).toEqual(['100', '133.33', '166.67', '200']);
    const market = parseJsonSignal({ symbol: 'BTC/USDT', direction: 'buy', targets: [50000], stopLoss: 40000 });
    expect(market).toMatchObject({ ok: true, signal: { entryType: 'market', entries: [] } });
  });

  it('names every bad or unknown field', () => {
    const r = parseJsonSignal({ entries: [-1, 'abc'], stoploss: 5, leverage: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing).toEqual(['symbol']);
    expect(r.reason).toMatch(/symbol is required/);
    expect(r.reason).toMatch(/entries\[0\] must be a positive number/);
    expect(r.reason).toMatch(/entries\[1\] must be a positive number/);
    expect(r.reason).toMatch(/unknown field "stoploss"/);
    expect(r.reason).toMatch(/leverage/);
  });

  it('applies the same side checks as free text', () => {
    const r = parseJsonSignal({ symbol: 'BTC/USDT', direction: 'short', entries: [100], targets: [90], stopLoss: 95 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/wrong side.*SHORT.*above/);
  });

  it('is what parseSignalMessage picks for a body with symbol and prices', () => {
    const r = parseSignalMessage('{"symbol":"BTC/USDT","entries":[100],"targets":[110],"stopLoss":90}');
    expect(r).toMatchObject({ ok: true, format: 'json', signal: { direction: 'long', directionSource: 'inferred' } });
    expect(parseSignalMessage('BTC/USDT\nEntry 100\nTarget 110\nStop 90').format).toBe('text');
  });
});
