/** Signal parsing, target splits, trailing stops, lifecycle, recaps and channel texts (all pure). */
export * from './parsed-signal.ts';
export { parseSignalMessage, detectSignalFormat, type SignalFormat } from './parse-signal-message.ts';
export { parseTextSignal, MAX_SIGNAL_TEXT_LENGTH } from './parse-text-signal.ts';
export { parseTradingViewAlert, readTradingViewAlert, type TradingViewAlert } from './parse-tradingview-alert.ts';
export { parseJsonSignal, signalJsonSchema, type SignalJson } from './parse-json-signal.ts';
export { classifySignalMessage, type MessageClassification, type MessageKind } from './classify-message.ts';
export { normalizeTicker, type FoundPair } from './find-pair.ts';
export { splitZone } from './build-signal.ts';
export * from './split-targets.ts';
export * from './trailing-stop.ts';
export * from './lifecycle-types.ts';
export { runSignalLifecycle } from './signal-lifecycle.ts';
export * from './recap-signals.ts';
export * from './format-signal-messages.ts';
