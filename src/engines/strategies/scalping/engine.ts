import { z } from 'zod';
import { booleanField, intField, numberField } from '../../config-fields.ts';
import * as ind from '../../indicators/index.ts';
import type { DecideResult, Decision, Intent, MarketSnapshot, StrategyEngine } from '../../types.ts';
import { firstUnseen, holdDecision, round } from '../common/market.ts';
import { applyPositionFills, closePosition, flatPosition, openPosition, stopReached, type SinglePosition } from '../common/position.ts';

export const scalpingConfigSchema = z.object({
  bollingerPeriod: intField('bollingerPeriod', 5, 200).default(20),
  bollingerMultiplier: numberField('bollingerMultiplier', 0.5, 5).default(2),
  rsiPeriod: intField('rsiPeriod', 2, 100).default(7),
  rsiOversold: numberField('rsiOversold', 1, 50).default(30),
  takeProfitPercent: numberField('takeProfitPercent', 0.01, 5).default(0.3),
  stopLossPercent: numberField('stopLossPercent', 0.01, 5).default(0.2),
  maxHoldCandles: intField('maxHoldCandles', 1, 10_000).default(15),
  exitAtMiddleBand: booleanField('exitAtMiddleBand').default(true),
  positionSizePercent: numberField('positionSizePercent', 0, 100, { exclusiveMin: true }).default(95),
});
export type ScalpingConfig = z.output<typeof scalpingConfigSchema>;

export interface ScalpingState {
  lastTime: number | null;
  bollinger: ind.BollingerState;
  rsi: ind.RsiState;
  bands: ind.BandsValue | null;
  rsiValue: number | null;
  position: SinglePosition;
}

/**
 * The `scalping` bot type: short-timeframe mean reversion. Buys when a candle closes below the
 * lower Bollinger band with RSI oversold; a tight take profit rests on the venue, a tight stop is
 * watched on closed candles; the position also closes when price is back at the middle band or
 * after maxHoldCandles (a time stop).
 */
export const scalpingEngine: StrategyEngine<ScalpingConfig, ScalpingState> = {
  type: 'scalping',
  configSchema: scalpingConfigSchema,
  warmupCandles: (c) => Math.max(c.bollingerPeriod, c.rsiPeriod + 1),
  initialState: (c) => ({ lastTime: null, bollinger: ind.createBollinger(c.bollingerPeriod, c.bollingerMultiplier), rsi: ind.createRsi(c.rsiPeriod), bands: null, rsiValue: null, position: flatPosition() }),
  decide: (s, market, c) => decideScalp(s, market, c),
};

function decideScalp(s: ScalpingState, market: MarketSnapshot, c: ScalpingConfig): DecideResult<ScalpingState> {
  const candles = market.candles;
  for (let i = firstUnseen(candles, s.lastTime); i < candles.length; i++) {
    s.bands = ind.updateBollinger(s.bollinger, candles[i].close);
    s.rsiValue = ind.updateRsi(s.rsi, candles[i].close);
    s.lastTime = candles[i].time;
  }
  const intents: Intent[] = applyPositionFills(s.position, market, c);
  const b = s.bands;
  const rsi = s.rsiValue;
  if (!b || rsi === null) return { intents, state: s, decision: holdDecision(market.price, 'HOLD: indicators are warming up') };
  const last = candles[candles.length - 1];
  const p = s.position;
  const indicators = { bbLower: b.lower, bbMiddle: b.middle, bbUpper: b.upper, rsi: round(rsi, 2) };
  // A plain function, not a closure per decision: a named closure costs a defineProperty per call under tsx (keepNames).
  if (p.status === 'open') {
    p.heldCandles++;
    if (stopReached(p, last)) return act(s, market, intents, indicators, 'SELL', 100, push(intents, closePosition(p, 'STOP_LOSS', `stop ${c.stopLossPercent}% below the entry reached`)));
    if (c.exitAtMiddleBand && last.close >= b.middle) return act(s, market, intents, indicators, 'SELL', 100, push(intents, closePosition(p, 'SIGNAL', 'price reverted to the middle band')));
    if (p.heldCandles >= c.maxHoldCandles) return act(s, market, intents, indicators, 'SELL', 100, push(intents, closePosition(p, 'SIGNAL', `time stop after ${c.maxHoldCandles} candles`)));
    return act(s, market, intents, indicators, 'HOLD', 0, 'holding the scalp');
  }
  if (p.status === 'flat' && last.close < b.lower && rsi < c.rsiOversold) {
    const reason = `close ${last.close} below the lower band ${round(b.lower, 8)} with RSI ${round(rsi, 1)} oversold`;
    const order = openPosition(p, market, c.positionSizePercent, reason);
    if (order) {
      intents.push(order);
      return act(s, market, intents, indicators, 'BUY', Math.round(Math.min(100, 50 + ((c.rsiOversold - rsi) / c.rsiOversold) * 50)), reason);
    }
  }
  return act(s, market, intents, indicators, 'HOLD', 0, 'waiting for a stretch below the lower band');
}

function act(s: ScalpingState, market: MarketSnapshot, intents: Intent[], indicators: Decision['indicators'], signal: Decision['signal'], confidence: number, reason: string): DecideResult<ScalpingState> {
  return { intents, state: s, decision: { signal, confidence, reason, price: market.price, indicators } };
}

function push(intents: Intent[], more: Intent[]): string {
  intents.push(...more);
  const last = more[more.length - 1];
  return last.kind === 'place_order' ? last.reason : 'closing';
}
