/**
 * Plays the bundled real candles as a live market feed at any speed. Wall time maps to a slot
 * (one native candle lasts timeframe/speed of wall time); the series plays forwards, then
 * backwards (candles mirrored), then forwards again, so prices stay continuous and bounded
 * however long the service runs. The mapping depends only on the clock, so every process and
 * every restart sees the same market at the same moment.
 *
 * Order books are synthetic (a spread around the replayed price, with a small deterministic
 * per-venue offset so cross-venue strategies have something to see); candles and prices are real.
 */
import type { Candle, OrderBook } from '../../engines/types.ts';
import type { Clock } from '../../shared/clock.ts';
import { ExchangeError, type MarketData, type Ticker } from '../types.ts';
import { loadReplaySeries, timeframeToMs, type ReplaySeries } from './replay-data.ts';

export interface ReplayOptions {
  clock: Clock;
  speed: number;
  /** Venue name, for per-venue book offsets ('binance', 'okx', …); default 'replay'. */
  venue?: string;
  series?: Map<string, ReplaySeries>;
}

const VENUE_OFFSET_BPS: Record<string, number> = { binance: 0, okx: 6, bybit: -4, replay: 0 };

export class ReplayMarketData implements MarketData {
  readonly name: string;
  private readonly series: Map<string, ReplaySeries>;
  private readonly clock: Clock;
  private readonly speed: number;

  constructor(options: ReplayOptions) {
    this.clock = options.clock;
    this.speed = options.speed;
    this.name = options.venue ?? 'replay';
    this.series = options.series ?? loadReplaySeries();
  }

  async symbols(): Promise<string[]> {
    return [...new Set([...this.series.values()].map((s) => s.symbol))];
  }

  async fetchTicker(symbol: string): Promise<Ticker> {
    const forming = this.formingCandle(this.pick(symbol), this.clock.now().getTime());
    const offset = this.venueFactor();
    const last = forming.close * offset;
    return { symbol, last, bid: last * (1 - 0.0002), ask: last * (1 + 0.0002), time: this.clock.now().getTime() };
  }

  async fetchOHLCV(symbol: string, timeframe: string, options: { since?: number; limit?: number } = {}): Promise<Candle[]> {
    const s = this.pick(symbol, timeframe);
    const now = this.clock.now().getTime();
    const wantedMs = timeframeToMs(timeframe);
    const group = Math.max(1, Math.round(wantedMs / s.timeframeMs));
    const limit = Math.min(options.limit ?? 200, 5000);
    const slotMs = s.timeframeMs / this.speed;
    const current = Math.floor(now / slotMs);
    // closed native candles needed, aligned so groups end on a group boundary
    const lastClosedGroupEnd = current - (current % group); // exclusive
    const firstSlot = Math.max(lastClosedGroupEnd - limit * group, 0);
    const out: Candle[] = [];
    for (let g = firstSlot; g < lastClosedGroupEnd; g += group) {
      const parts: Candle[] = [];
      for (let k = g; k < g + group; k++) parts.push(this.candleAt(s, k, slotMs));
      out.push(merge(parts));
    }
    // the forming candle last, like an exchange
    const formingParts: Candle[] = [];
    for (let k = lastClosedGroupEnd; k < current; k++) formingParts.push(this.candleAt(s, k, slotMs));
    formingParts.push(this.formingCandle(s, now));
    out.push(merge(formingParts));
    const since = options.since;
    return since === undefined ? out : out.filter((c) => c.time >= since);
  }

  async fetchOrderBook(symbol: string, depth = 10): Promise<OrderBook> {
    const ticker = await this.fetchTicker(symbol);
    const bids = [];
    const asks = [];
    for (let i = 0; i < depth; i++) {
      bids.push({ price: ticker.bid! * (1 - i * 0.0001), amount: 1 + i });
      asks.push({ price: ticker.ask! * (1 + i * 0.0001), amount: 1 + i });
    }
    return { venue: this.name, symbol, bids, asks, time: ticker.time };
  }

  /** The native candle for absolute slot k (ping-pong over the series). */
  private candleAt(s: ReplaySeries, k: number, slotMs: number): Candle {
    const n = s.candles.length;
    const cycle = Math.floor(k / n);
    const i = k % n;
    const forward = cycle % 2 === 0;
    const src = s.candles[forward ? i : n - 1 - i];
    const f = this.venueFactor();
    const c = forward ? src : { ...src, open: src.close, close: src.open };
    return { time: k * slotMs, open: c.open * f, high: c.high * f, low: c.low * f, close: c.close * f, volume: c.volume };
  }

  private formingCandle(s: ReplaySeries, now: number): Candle {
    const slotMs = s.timeframeMs / this.speed;
    const k = Math.floor(now / slotMs);
    const full = this.candleAt(s, k, slotMs);
    const progress = (now - k * slotMs) / slotMs;
    const close = full.open + (full.close - full.open) * progress;
    return { time: full.time, open: full.open, high: Math.max(full.open, close), low: Math.min(full.open, close), close, volume: full.volume * progress };
  }

  private venueFactor(): number {
    const bps = VENUE_OFFSET_BPS[this.name] ?? 0;
    // the offset breathes slowly so spreads open and close over minutes
    const wave = Math.sin(this.clock.now().getTime() / 90_000);
    return 1 + (bps * wave) / 10_000;
  }

  private pick(symbol: string, timeframe?: string): ReplaySeries {
    const exact = timeframe ? this.series.get(`${symbol}@${timeframe}`) : undefined;
    if (exact) return exact;
    const candidates = [...this.series.values()].filter((s) => s.symbol === symbol);
    if (candidates.length === 0) {
      throw new ExchangeError('bad_symbol', `No replay data for ${symbol}. Replayed pairs: ${[...new Set([...this.series.values()].map((s) => s.symbol))].join(', ')}.`, false);
    }
    const wanted = timeframe ? timeframeToMs(timeframe) : 0;
    const fitting = candidates.filter((s) => s.timeframeMs <= wanted && wanted % s.timeframeMs === 0);
    const pool = fitting.length > 0 ? fitting : candidates;
    return pool.reduce((best, s) => (s.candles.length > best.candles.length ? s : best));
  }
}

function merge(parts: Candle[]): Candle {
  let high = -Infinity;
  let low = Infinity;
  let volume = 0;
  for (const p of parts) {
    if (p.high > high) high = p.high;
    if (p.low < low) low = p.low;
    volume += p.volume;
  }
  return { time: parts[0].time, open: parts[0].open, high, low, close: parts[parts.length - 1].close, volume };
}
