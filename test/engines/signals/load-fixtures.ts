import { readFileSync } from 'node:fs';

const read = (path: string): string => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
export const readFixtureText = read;
export const readFixtureJson = <T = any>(path: string): T => JSON.parse(read(path)) as T;

export interface UpstreamSignal {
  file: string;
  parser_fn: string;
  text: string;
  expected?: any;
  disabled_upstream: boolean;
}

export const channelMessages = readFixtureJson<{
  signals_with_expected_parse: UpstreamSignal[];
  signals_that_must_parse: UpstreamSignal[];
}>('signals/crypto-signals-analysis_test_signals.json');

export const cornixMessages = readFixtureJson<{ cornix_style_channel_messages: { messages: Record<string, string> } }>(
  'signals/cornix_format_rules_and_lifecycle_messages.json',
).cornix_style_channel_messages.messages;
