/** The choices /settings offers (and the verbs accept). Replies are in English for now; the language is stored for later translations. */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'ru', 'tr', 'id', 'vi', 'zh', 'ja', 'ko', 'ar', 'hi'] as const;
export const DISPLAY_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'AUD', 'CAD', 'CHF', 'USDT', 'BTC', 'ETH', 'IDR', 'INR', 'TRY', 'BRL'] as const;

const zones = new Set(Intl.supportedValuesOf('timeZone').concat(['UTC']));
const zonesLower = new Map([...zones].map((z) => [z.toLowerCase(), z]));

/** The canonical IANA name for what a person typed ("europe/berlin" → "Europe/Berlin"), or null. */
export function canonicalTimeZone(text: string): string | null {
  const key = text.trim().replace(/\s+/g, '_').toLowerCase();
  if (key === 'gmt' || key === 'utc' || key === 'z') return 'UTC';
  return zonesLower.get(key) ?? null;
}
