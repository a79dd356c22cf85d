/** The ai engine: indicator votes worked by hand, the executions fields on real candles, and built mode. */
import { describe, expect, it } from 'vitest';
import { aiEngine } from '../../../src/engines/strategies/index.ts';
import { scoreIndicators, type IndicatorSnapshot } from '../../../src/engines/strategies/ai/scoring.ts';
import { scoringConfigSchema } from '../../../src/engines/strategies/ai/config.ts';
import { createBuilderEngine } from '../../../src/engines/builder/index.ts';
import { runBacktest } from '../../../src/engines/backtest/index.ts';
import { loadArrayCandles, loadCsvCandles } from '../helpers/fixtures.ts';
import { d, recording, settingsFor, usdtPair } from '../helpers/scenario.ts';
import { googSettings, smaCrossConfig } from '../backtest/goog-setup.ts';

const defaults = scoringConfigSchema.parse({});
const snapshot = (o: Partial<IndicatorSnapshot>): IndicatorSnapshot => ({
  close: 100, rsi: 50, macd: 0, macdSignal: 0, macdHistogram: 0, previousHistogram: 0, bbUpper: 110, bbMiddle: 100, bbLower: 90, emaFast: 100, emaSlow: 100, adx: 30, ...o,
});

describe('ai scoring', () => {
  it('oversold RSI, MACD turning up, price under the band and a weak down-trend: BUY with 63 % confidence', () => {
    // votes: RSI 20 → +1 (at or below 30), MACD crossed up → +1, %B < 0 → +1, EMA fast < slow → −1 halved (ADX 15 < 25) = −0.5
    const s = scoreIndicators(snapshot({ rsi: 20, macdHistogram: 0.2, previousHistogram: -0.1, close: 88, emaFast: 99, adx: 15 }), defaults);
    expect(s.parts).toEqual({ rsi: 1, macd: 1, bollinger: 1, trend: -0.5 });
    expect(s.composite).toBe(0.625);
    expect([s.signal, s.confidence]).toEqual(['BUY', 63]);
    expect(s.reason).toBe('BUY (confidence 63): RSI 20 is oversold; MACD histogram turned positive; price below the lower Bollinger band; EMA 9 below EMA 21 (ADX 15, weak trend)');
  });

  it('linear votes in between: RSI 60 → −0.5, %B 0.75 → −0.5; the composite stays between the thresholds → HOLD', () => {
    const s = scoreIndicators(snapshot({ rsi: 60, close: 105, macdHistogram: 0.1, previousHistogram: 0.05, emaFast: 101 }), defaults);
    expect(s.parts).toEqual({ rsi: -0.5, macd: 0.5, bollinger: -0.5, trend: 1 });
    expect([s.composite, s.signal, s.confidence]).toEqual([0.125, 'HOLD', 13]);
    expect(s.reason).toBe('HOLD: composite score 0.13 is between −0.35 and 0.35');
  });

  it('weights change the vote', () => {
    const s = scoreIndicators(snapshot({ rsi: 80, close: 112 }), { ...defaults, weights: { rsi: 3, macd: 0, bollinger: 1, trend: 0 } });
    expect([s.composite, s.signal]).toEqual([-1, 'SELL']);
  });
});

describe('ai engine', () => {
  const candles = loadArrayCandles('ohlcv/trading-signals_LTC_USDT-1m.json');
  const settings = settingsFor({ pair: usdtPair({ symbol: 'LTC/USDT' }), fees: { makerRate: d('0.001'), takerRate: d('0.001') } });

  it('decides every closed candle with BUY/SELL/HOLD, a 0–100 confidence, a reason and the indicator values', () => {
    const { engine, log } = recording(aiEngine);
    const r = runBacktest(engine, { stopLossPercent: 1, takeProfitPercent: 2 }, candles, settings);
    expect(log.length).toBe(candles.length - aiEngine.warmupCandles(aiEngine.configSchema.parse({})) + 1);
    for (const { decision } of log.slice(5)) {
      expect(['BUY', 'SELL', 'HOLD']).toContain(decision.signal);
      expect(decision.confidence).toBeGreaterThanOrEqual(0);
      expect(decision.confidence).toBeLessThanOrEqual(100);
      expect(decision.reason.length).toBeGreaterThan(10);
      expect(Object.keys(decision.indicators)).toEqual(['rsi', 'macd', 'macdSignal', 'macdHistogram', 'bbUpper', 'bbMiddle', 'bbLower', 'emaFast', 'emaSlow', 'adx', 'score']);
    }
    expect(r.totalTrades).toBeGreaterThan(3);
    // every trade ended by a signal, its stop, its target or the end of the run
    expect(r.trades.every((t) => ['SIGNAL', 'STOP_LOSS', 'TAKE_PROFIT', 'BOT_STOPPED'].includes(String(t.closeReason)))).toBe(true);
  });

  it("'built' mode runs a builder strategy: same trades as the builder engine on GOOG", () => {
    const goog = loadCsvCandles('ohlcv/GOOG.csv');
    const viaAi = runBacktest(aiEngine, { mode: 'built', strategy: smaCrossConfig }, goog, googSettings(10_000));
    const direct = runBacktest(createBuilderEngine(), smaCrossConfig, goog, googSettings(10_000));
    expect(viaAi.totalTrades).toBe(66);
    expect(viaAi.trades.map((t) => t.pnl.toFixed())).toEqual(direct.trades.map((t) => t.pnl.toFixed()));
  });

  it('config errors name the field and its range', () => {
    const r = aiEngine.configSchema.safeParse({ rsiPeriod: 1, minConfidence: 120 });
    const messages = JSON.stringify(r.error?.issues);
    expect(messages).toContain('rsiPeriod must be a whole number between 2 and 200');
    expect(messages).toContain('minConfidence must be at least 0 and at most 100');
  });
});
