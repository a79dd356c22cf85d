import * as ind from '../../indicators/index.ts';
import { createBuilderEngine, type BuilderState } from '../../builder/engine.ts';
import type { DecideResult, Intent, MarketSnapshot, StrategyEngine } from '../../types.ts';
import { firstUnseen, holdDecision, round4, round8 } from '../common/market.ts';
import { applyPositionFills, closePosition, flatPosition, openPosition, stopReached, type SinglePosition } from '../common/position.ts';
import { aiConfigSchema, type AiConfig, type ScoringConfig } from './config.ts';
import { scoreInto, type IndicatorSnapshot, type Score } from './scoring.ts';

export interface ScoringState {
  mode: 'scoring';
  lastTime: number | null;
  rsi: ind.RsiState;
  macd: ind.MacdState;
  bollinger: ind.BollingerState;
  emaFast: ind.EmaState;
  emaSlow: ind.EmaState;
  adx: ind.AdxState;
  values: IndicatorSnapshot | null;
  position: SinglePosition;
}

export type AiState = ScoringState | { mode: 'built'; inner: BuilderState };

const built = createBuilderEngine();

/**
 * The `ai` bot type: every closed candle gets a BUY / SELL / HOLD decision with a confidence,
 * a reason and the indicator values behind it (the executions row). In 'scoring' mode RSI,
 * MACD, Bollinger Bands and an EMA trend weighted by ADX vote (ai/scoring.ts); a confident BUY
 * opens a long, a confident SELL closes it, and the position's stop and target apply. In
 * 'built' mode it runs a strategy made in the builder.
 */
export const aiEngine: StrategyEngine<AiConfig, AiState> = {
  type: 'ai',
  configSchema: aiConfigSchema,
  warmupCandles: (c) => (c.mode === 'built' ? built.warmupCandles(c.strategy) : 1 + Math.max(c.macdSlow + c.macdSignal, c.bollingerPeriod, c.rsiPeriod + 1, 2 * c.adxPeriod, c.emaSlow)),
  initialState: (c) => (c.mode === 'built' ? { mode: 'built', inner: built.initialState(c.strategy) } : initialScoringState(c)),
  decide: (state, market, c) => {
    if (c.mode === 'built') {
      const inner = state.mode === 'built' ? state.inner : built.initialState(c.strategy);
      const r = built.decide(inner, market, c.strategy);
      return { intents: r.intents, decision: r.decision, state: { mode: 'built', inner: r.state } };
    }
    return decideScoring(state.mode === 'scoring' ? state : initialScoringState(c), market, c);
  },
};

function initialScoringState(c: ScoringConfig): ScoringState {
  return {
    mode: 'scoring', lastTime: null, rsi: ind.createRsi(c.rsiPeriod),
    macd: ind.createMacd({ fast: c.macdFast, slow: c.macdSlow, signal: c.macdSignal }),
    bollinger: ind.createBollinger(c.bollingerPeriod, c.bollingerMultiplier), emaFast: ind.createEma(c.emaFast), emaSlow: ind.createEma(c.emaSlow),
    adx: ind.createAdx(c.adxPeriod), values: null, position: flatPosition(),
  };
}

// Scratch bands for the update below (read at once, never kept).
const bands: ind.BandsValue = { upper: 0, middle: 0, lower: 0 };

function updateIndicators(s: ScoringState, market: MarketSnapshot): void {
  const candles = market.candles;
  for (let i = firstUnseen(candles, s.lastTime); i < candles.length; i++) {
    const k = candles[i];
    // The non-allocating forms of updateMacd / updateBollinger (same arithmetic): one candle, no garbage.
    const rsi = ind.updateRsi(s.rsi, k.close);
    const macd = ind.stepMacd(s.macd, k.close, false);
    const bb = ind.stepBollinger(s.bollinger, k.close, bands);
    const emaFast = ind.updateEma(s.emaFast, k.close);
    const emaSlow = ind.updateEma(s.emaSlow, k.close);
    const adx = ind.stepAdx(s.adx, k.high, k.low, k.close, false);
    const previousHistogram = s.values ? s.values.macdHistogram : null;
    if (rsi === null || !macd || !bb || emaFast === null || emaSlow === null || adx === null) s.values = null;
    else {
      const m = s.macd.macd as number;
      const signal = s.macd.signalValue as number;
      const v = (s.values ??= { close: 0, rsi: 0, macd: 0, macdSignal: 0, macdHistogram: 0, previousHistogram: null, bbUpper: 0, bbMiddle: 0, bbLower: 0, emaFast: 0, emaSlow: 0, adx: 0 });
      v.close = k.close;
      v.rsi = rsi;
      v.macd = m;
      v.macdSignal = signal;
      v.macdHistogram = m - signal;
      v.previousHistogram = previousHistogram;
      v.bbUpper = bands.upper;
      v.bbMiddle = bands.middle;
      v.bbLower = bands.lower;
      v.emaFast = emaFast;
      v.emaSlow = emaSlow;
      v.adx = adx;
    }
    s.lastTime = k.time;
  }
}

// The score of the current decision (read at once; its numbers and strings are copied into the Decision).
const scratch: Score = { signal: 'HOLD', composite: 0.5, confidence: 0, parts: { rsi: 0.5, macd: 0.5, bollinger: 0.5, trend: 0.5 }, reason: '' };

function decideScoring(s: ScoringState, market: MarketSnapshot, c: ScoringConfig): DecideResult<AiState> {
  updateIndicators(s, market);
  // The config is the exit plan (same fields): no plan object per candle.
  const intents: Intent[] = applyPositionFills(s.position, market, c);
  const v = s.values;
  if (!v) return { intents, state: s, decision: holdDecision(market.price, 'HOLD: indicators are warming up') };
  const score = scoreInto(v, c, scratch);
  const last = market.candles[market.candles.length - 1];
  const p = s.position;
  if (p.status === 'open') p.heldCandles++;
  if (stopReached(p, last)) intents.push(...closePosition(p, 'STOP_LOSS', `stop loss ${c.stopLossPercent}% below the entry reached`));
  else if (p.status === 'open' && score.signal === 'SELL' && score.confidence >= c.minConfidence) intents.push(...closePosition(p, 'SIGNAL', score.reason));
  else if (p.status === 'flat' && score.signal === 'BUY' && score.confidence >= c.minConfidence) {
    const order = openPosition(p, market, c.positionSizePercent, score.reason);
    if (order) intents.push(order);
  }
  const indicators = {
    rsi: round4(v.rsi), macd: round8(v.macd), macdSignal: round8(v.macdSignal), macdHistogram: round8(v.macdHistogram),
    bbUpper: v.bbUpper, bbMiddle: v.bbMiddle, bbLower: v.bbLower, emaFast: v.emaFast, emaSlow: v.emaSlow, adx: round4(v.adx), score: round4(score.composite),
  };
  return { intents, state: s, decision: { signal: score.signal, confidence: score.confidence, reason: score.reason, price: market.price, indicators } };
}
