/**
 * Reads a webhook body as JSON and explains, in words a TradingView user understands, why it
 * is not: typographic quotes from a copy-paste, or a {{placeholder}} TradingView left as is.
 */
import { TYPOGRAPHIC_QUOTES } from './normalize-text.ts';
import { type ParseFailure, failParse } from './parsed-signal.ts';

export type JsonBody = { ok: true; value: Record<string, unknown> } | ParseFailure;

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/;
// Unquoted ("open": {{open}}) is what breaks the JSON, so it is the one to name first.
const UNQUOTED_PLACEHOLDER = /(?<!"\s*)\{\{\s*([^{}]+?)\s*\}\}(?!\s*")/;

/** A {{placeholder}} left in a value: TradingView substitutes only those it knows. */
export function explainPlaceholder(text: string): string | null {
  const m = text.match(UNQUOTED_PLACEHOLDER) ?? text.match(PLACEHOLDER);
  if (!m) return null;
  const strategyOnly = m[1].startsWith('strategy.')
    ? ' strategy.* placeholders are filled only in alerts created from a strategy, not from an indicator or a drawing.'
    : ' Check its spelling against TradingView\'s list of placeholders.';
  return `The alert still contains the placeholder {{${m[1]}}}, which TradingView did not replace.${strategyOnly}`;
}

export function readJsonBody(body: string | Record<string, unknown>): JsonBody {
  if (typeof body !== 'string') return { ok: true, value: body };
  const text = body.trim();
  if (text === '') return failParse('The message is empty.', ['message']);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (TYPOGRAPHIC_QUOTES.test(text)) {
      return failParse(
        'The alert message is not valid JSON because it uses typographic quotes (“ ” or ‘ ’) instead of straight quotes ("). ' +
          'This happens when a template is copied from a web page or a word processor. Retype the quotes in the TradingView alert box, ' +
          'or paste the template from our documentation.',
      );
    }
    const placeholder = explainPlaceholder(text);
    if (placeholder) return failParse(`The alert message is not valid JSON. ${placeholder}`);
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return failParse(`The alert message is not valid JSON${detail}. Check for a missing comma, quote or brace.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failParse('The alert message must be a JSON object ({ … }), not a list or a single value.');
  }
  return { ok: true, value: value as Record<string, unknown> };
}
