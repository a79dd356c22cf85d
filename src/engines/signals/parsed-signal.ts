/**
 * What every signal parser returns (free text, TradingView alert, our JSON format).
 *
 * A parse never throws on user input: a message that is not a usable signal is a
 * `ParseFailure` whose `reason` is a sentence a channel owner can act on and whose `missing`
 * names the parts that were absent ('pair', 'entry', 'targets', 'stop loss', …).
 */
import type { Decimal } from '../../shared/money.ts';
import type { ExternalSignal } from '../types.ts';

/** Trailing configuration written inside a signal (Cornix "Trailing Configuration" block). */
export interface SignalTrailingHint {
  mode: 'breakeven' | 'moving_target' | 'moving_2_target';
  /** Target whose hit starts the trailing (1 = TP1). */
  afterTarget: number;
}

/** An ExternalSignal without `id` and `time` (the caller adds them), plus what the text told us. */
export interface ParsedSignal extends Omit<ExternalSignal, 'id' | 'time'> {
  entryType: NonNullable<ExternalSignal['entryType']>;
  /** The zone as written, when entries came from a "zone" (entries are then the zone split). */
  entryZone: { low: Decimal; high: Decimal } | null;
  /** Share of the position per target in percent, when the message gave one that sums to 100. */
  targetSharesPct: Decimal[] | null;
  exchange: string | null;
  marginMode: 'cross' | 'isolated' | null;
  trailing: SignalTrailingHint | null;
  /** How the direction was decided: written in the message, or inferred from the prices. */
  directionSource: 'written' | 'inferred';
  /** Assumptions made while parsing, in plain language (e.g. "quote currency not written; assumed USDT"). */
  notes: string[];
}

export interface ParseSuccess {
  ok: true;
  signal: ParsedSignal;
}

export interface ParseFailure {
  ok: false;
  reason: string;
  missing: string[];
}

export type ParseResult = ParseSuccess | ParseFailure;

export interface ParseOptions {
  /**
   * Quote currency assumed when a message names only the base coin ("#EGLD", "AVAX SHORT").
   * null rejects such messages (Cornix requires the full pair).
   */
  defaultQuote?: string | null;
  /**
   * Number of evenly spaced entries an entry zone ("Entry zone 100-200") is split into, edges
   * included; default 4 (100, 133.33…, 166.66…, 200). 2 keeps just the edges.
   */
  zoneEntries?: number;
  /** Reject signals that carry no stop loss; default false (the signal bot decides). */
  requireStop?: boolean;
}

export const DEFAULT_PARSE_OPTIONS: Required<ParseOptions> = {
  defaultQuote: 'USDT',
  zoneEntries: 4,
  requireStop: false,
};

export function failParse(reason: string, missing: string[] = []): ParseFailure {
  return { ok: false, reason, missing };
}
