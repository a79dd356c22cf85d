import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/money.ts';
import { recapSignals, type FinishedSignal } from '../../../src/engines/signals/recap-signals.ts';

const at = (iso: string, pips: number, pct = pips / 100): FinishedSignal => ({ closedAt: Date.parse(iso), pips: new Decimal(pips), pct: new Decimal(pct) });

// Monday 2024-01-15 … Sunday 2024-01-21, then Monday 2024-01-22.
const week = [
  at('2024-01-15T09:00:00Z', 30),
  at('2024-01-15T23:30:00Z', -20),
  at('2024-01-17T12:00:00Z', 0),
  at('2024-01-21T22:00:00Z', 50),
  at('2024-01-22T01:00:00Z', -10),
];

describe('recapSignals', () => {
  it('groups by UTC day with wins, losses, breakeven, win rate and pips', () => {
    const days = recapSignals(week, { period: 'day' });
    expect(days.map((r) => [r.period, r.signals, r.wins, r.losses, r.breakeven, r.pips.toFixed()])).toEqual([
      ['2024-01-15', 2, 1, 1, 0, '10'],
      ['2024-01-17', 1, 0, 0, 1, '0'],
      ['2024-01-21', 1, 1, 0, 0, '50'],
      ['2024-01-22', 1, 0, 1, 0, '-10'],
    ]);
    expect(days[0].winRatePct!.toFixed()).toBe('50');
    expect(days[1].winRatePct).toBeNull(); // only a breakeven: no win rate to speak of
    expect([days[0].bestPips.toFixed(), days[0].worstPips.toFixed()]).toEqual(['30', '-20']);
  });

  it('groups by week starting Monday; breakeven does not count against the win rate', () => {
    const weeks = recapSignals(week, { period: 'week' });
    expect(weeks.map((r) => [r.period, r.signals, r.wins, r.losses, r.pips.toFixed()])).toEqual([
      ['2024-01-15', 4, 2, 1, '60'],
      ['2024-01-22', 1, 0, 1, '-10'],
    ]);
    // 2 wins out of 3 decided signals.
    expect(weeks[0].winRatePct!.minus(new Decimal(200).div(3)).abs().lt('1e-60')).toBe(true);
    expect(weeks[0].pct.toFixed()).toBe('0.6');
  });

  it('counts days in the channel time zone', () => {
    // UTC+2: 23:30Z on the 15th is 01:30 on the 16th; 22:00Z Sunday is Monday 00:00.
    const days = recapSignals(week, { period: 'day', utcOffsetMinutes: 120 });
    expect(days.map((r) => r.period)).toEqual(['2024-01-15', '2024-01-16', '2024-01-17', '2024-01-22']);
    expect(days[0].periodStart).toBe(Date.parse('2024-01-14T22:00:00Z'));
    const weeks = recapSignals(week, { period: 'week', utcOffsetMinutes: 120 });
    expect(weeks.map((r) => [r.period, r.signals])).toEqual([['2024-01-15', 3], ['2024-01-22', 2]]);
  });

  it('returns nothing for no signals', () => {
    expect(recapSignals([], { period: 'week' })).toEqual([]);
  });
});
