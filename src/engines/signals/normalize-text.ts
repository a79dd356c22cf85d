/**
 * Turns a channel message into plain text the keyword parser can read.
 *
 * Signal channels decorate everything: keycap digits as list markers (1️⃣), emojis glued to
 * words (LONG📈), typographic dashes between prices (12.4 – 11.51), no-break spaces. Each of
 * those would otherwise become a number, split a word or hide a separator.
 */

// Keycap sequences ("1️⃣") and circled numbers are list markers, never prices: drop them
// before NFKC would turn "①" into a bare "1".
const KEYCAP = /[0-9#*]\uFE0F?\u20E3/gu;
const CIRCLED_NUMBER = /[\u2460-\u2473\u2776-\u2793\u24EA\u24FF]/gu;
const INVISIBLE = /[\uFE0E\uFE0F\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/gu;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/gu;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/gu;

export function normalizeSignalText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(KEYCAP, ' ')
    .replace(CIRCLED_NUMBER, ' ')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(PICTOGRAPH, ' ')
    .replace(DASHES, '-')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(SPACES, ' ')
    // "$ETH/USDT", "41.45$": the dollar sign is decoration around a pair or a price.
    .replace(/\$/g, ' ');
}

/** Typographic quotes that make a pasted JSON template invalid. */
export const TYPOGRAPHIC_QUOTES = /[\u201C\u201D\u201E\u201F\u2018\u2019\u00AB\u00BB]/u;
