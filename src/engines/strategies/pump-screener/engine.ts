import { z } from 'zod';
import { Decimal } from '../../../shared/money.ts';
import { booleanField, enumField, intField, numberField } from '../../config-fields.ts';
import type { Candle, DecideResult, Intent, MarketSnapshot, StrategyEngine } from '../../types.ts';
import { round } from '../common/market.ts';
import { applyPositionFills, closePosition, flatPosition, openPosition, stopReached, type SinglePosition } from '../common/position.ts';
import { quoteVolume24h, readPump } from './detect.ts';

export const pumpScreenerConfigSchema = z.object({
  windowCandles: intField('windowCandles', 1, 1440).default(15),
  priceChangePercent: numberField('priceChangePercent', 0, 1000, { exclusiveMin: true }).default(3),
  volumeChangePercent: numberField('volumeChangePercent', 0, 100_000, { exclusiveMin: true }).default(200),
  cooldownMinutes: intField('cooldownMinutes', 0, 100_000).default(60),
  watchUniverse: booleanField('watchUniverse').default(true),
  trade: z.object({
    enabled: booleanField('trade.enabled').default(false),
    minConfidence: enumField('trade.minConfidence', ['high', 'medium', 'low']).default('high'),
    positionSizePercent: numberField('trade.positionSizePercent', 0, 100, { exclusiveMin: true }).default(10),
    takeProfitPercent: numberField('trade.takeProfitPercent', 0, 1000, { exclusiveMin: true }).default(5),
    stopLossPercent: numberField('trade.stopLossPercent', 0, 99, { exclusiveMin: true }).default(3),
  }).default({ enabled: false, minConfidence: 'high', positionSizePercent: 10, takeProfitPercent: 5, stopLossPercent: 3 }),
});
export type PumpScreenerConfig = z.output<typeof pumpScreenerConfigSchema>;

export interface PumpScreenerState {
  lastDetection: Record<string, number>;
  detections: number;
  position: SinglePosition;
}

const RANK = { low: 1, medium: 2, high: 3 } as const;

/**
 * The `pump_screener` bot type: watches its own symbol and, when given, the rest of the
 * universe; each detection is a pump_detection intent (the pump_detections row), at most one
 * per symbol per cooldown. Optionally buys its own symbol on a detection of enough confidence,
 * with a resting take profit and a watched stop.
 */
export const pumpScreenerEngine: StrategyEngine<PumpScreenerConfig, PumpScreenerState> = {
  type: 'pump_screener',
  configSchema: pumpScreenerConfigSchema,
  warmupCandles: (c) => 2 * c.windowCandles + 1,
  initialState: () => ({ lastDetection: {}, detections: 0, position: flatPosition() }),
  decide: (s, market, c) => decidePump(s, market, c),
};

function decidePump(s: PumpScreenerState, market: MarketSnapshot, c: PumpScreenerConfig): DecideResult<PumpScreenerState> {
  const intents: Intent[] = applyPositionFills(s.position, market, c.trade);
  const own = screen(s, market.symbol, market.candles, market.time, c, intents);
  if (c.watchUniverse && market.universe) {
    for (const [symbol, candles] of Object.entries(market.universe)) if (symbol !== market.symbol) screen(s, symbol, candles, market.time, c, intents);
  }
  const last = market.candles[market.candles.length - 1];
  const p = s.position;
  const indicators = { priceChange: own ? round(own.priceChange, 4) : null, volumeChange: own?.volumeChange == null ? null : round(own.volumeChange, 2), detections: s.detections };
  if (stopReached(p, last)) {
    intents.push(...closePosition(p, 'STOP_LOSS', `stop ${c.trade.stopLossPercent}% below the entry reached`));
    return { intents, state: s, decision: { signal: 'SELL', confidence: 100, reason: 'stop loss reached', price: market.price, indicators } };
  }
  const detected = own?.fired ? own : null;
  if (detected && c.trade.enabled && p.status === 'flat' && RANK[detected.confidence] >= RANK[c.trade.minConfidence]) {
    const reason = `pump on ${market.symbol}: price +${round(detected.priceChange, 2)}%, volume +${round(detected.volumeChange as number, 0)}% (${detected.confidence} confidence)`;
    const order = openPosition(p, market, c.trade.positionSizePercent, reason);
    if (order) {
      intents.push(order);
      return { intents, state: s, decision: { signal: 'BUY', confidence: RANK[detected.confidence] * 33, reason, price: market.price, indicators } };
    }
  }
  const alerts = intents.filter((i) => i.kind === 'pump_detection').length;
  return { intents, state: s, decision: { signal: 'HOLD', confidence: 0, reason: alerts ? `${alerts} pump(s) detected` : 'no pump', price: market.price, indicators } };
}

/** Reads one symbol; on a fresh detection pushes a pump_detection intent. */
function screen(s: PumpScreenerState, symbol: string, candles: readonly Candle[], now: number, c: PumpScreenerConfig, intents: Intent[]) {
  const reading = readPump(candles, c);
  if (!reading) return null;
  const fired = reading.detected && now - (s.lastDetection[symbol] ?? -Infinity) >= c.cooldownMinutes * 60_000;
  if (!fired) return { priceChange: reading.priceChange, volumeChange: reading.volumeChange, fired: false as const, confidence: reading.confidence ?? 'low' };
  s.lastDetection[symbol] = now;
  s.detections++;
  const v24 = quoteVolume24h(candles);
  intents.push({
    kind: 'pump_detection', symbol, priceChange: new Decimal(round(reading.priceChange, 8)), volumeChange: new Decimal(round(reading.volumeChange as number, 8)),
    currentPrice: new Decimal(candles[candles.length - 1].close), volume24h: v24 === null ? null : new Decimal(round(v24, 8)), confidence: reading.confidence as 'high' | 'medium' | 'low',
  });
  return { priceChange: reading.priceChange, volumeChange: reading.volumeChange, fired: true as const, confidence: reading.confidence as 'high' | 'medium' | 'low' };
}
