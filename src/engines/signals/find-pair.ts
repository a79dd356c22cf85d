/**
 * Finds the traded pair in a message, and normalizes tickers ("BINANCE:BTCUSDT.P") to 'BTC/USDT'.
 *
 * Forms, strongest first (the first form that matches anywhere wins, then the earliest match):
 *  1. base and quote with a separator: BTC/USDT, #BTC/USDT, $ETH/USDT, BTC-USDT, SOL /USDT;
 *  2. a hashtag: #CFXUSDT, #EGLD (base only);
 *  3. base and quote glued, in capitals: BTCUSDT, SUSHIUSDTPERP;
 *  4. after a label: "Pair: XRP", "Coin: AVAX";
 *  5. a capitalized coin right before LONG/SHORT: "AVAX SHORT".
 * Forms 2, 4 and 5 may name only the base coin; the quote is then the configured default.
 */

/** Quotes recognized at the end of a glued symbol, longest first so BUSD wins over USD. */
const QUOTES = [
  'FDUSD', 'USDT', 'USDC', 'BUSD', 'TUSD', 'USDP', 'USD', 'DAI',
  'BTC', 'ETH', 'BNB', 'EUR', 'GBP', 'JPY', 'TRY', 'CHF', 'CAD', 'AUD', 'NZD',
];
// Upper or lower case, not mixed: "btc/usdt" and "BTC/USDT", while "USDTLeverage" (a lost
// newline) still ends the quote at the capital L.
const ANY_CASE_QUOTE = [...QUOTES, ...QUOTES.map((q) => q.toLowerCase())].join('|');

// Capitalized words that sit where a coin could ("VIP SIGNAL", "REGULAR SHORT").
const NOT_COINS = new Set([
  'VIP', 'NEW', 'SIGNAL', 'SIGNALS', 'REGULAR', 'TRADE', 'TYPE', 'POSITION', 'DIRECTION', 'TERM', 'SPOT',
  'FUTURES', 'BINANCE', 'BYBIT', 'OKX', 'KUCOIN', 'FREE', 'PAIR', 'COIN', 'ENTRY', 'TARGET', 'TARGETS',
  'STOP', 'LEVERAGE', 'CROSS', 'ISOLATED', 'BUY', 'SELL', 'LONG', 'SHORT', 'TP', 'SL', 'ID', 'CLIENT',
]);

export interface FoundPair {
  symbol: string; // 'BTC/USDT'
  base: string;
  quote: string;
  quoteAssumed: boolean;
  /** The text that named the pair, removed from sections before reading prices. */
  matched: string;
}

/** Splits a glued symbol on its longest known quote suffix: 'BTCDOMUSDT' → ['BTCDOM', 'USDT']. */
export function splitGluedSymbol(glued: string): [string, string] | null {
  for (const quote of QUOTES) {
    if (glued.length > quote.length + 1 && glued.endsWith(quote)) return [glued.slice(0, -quote.length), quote];
  }
  return null;
}

function hasLetter(s: string): boolean {
  return /[A-Z]/.test(s);
}

function make(base: string, quote: string | null, defaultQuote: string | null, matched: string): FoundPair | null {
  const b = base.toUpperCase();
  if (!hasLetter(b) || NOT_COINS.has(b)) return null;
  if (quote) return { symbol: `${b}/${quote.toUpperCase()}`, base: b, quote: quote.toUpperCase(), quoteAssumed: false, matched };
  const glued = splitGluedSymbol(b);
  if (glued) return { symbol: `${glued[0]}/${glued[1]}`, base: glued[0], quote: glued[1], quoteAssumed: false, matched };
  if (!defaultQuote) return null;
  return { symbol: `${b}/${defaultQuote}`, base: b, quote: defaultQuote, quoteAssumed: true, matched };
}

type Finder = (text: string, defaultQuote: string | null) => FoundPair | null;

function firstOf(re: RegExp, build: (m: RegExpMatchArray) => FoundPair | null): (text: string) => FoundPair | null {
  return (text) => {
    for (const m of text.matchAll(re)) {
      const found = build(m);
      if (found) return found;
    }
    return null;
  };
}

const FINDERS: Finder[] = [
  (text) =>
    firstOf(new RegExp(`#?\\b([A-Za-z0-9]{2,15}) ?[/_-] ?(${ANY_CASE_QUOTE})(?![a-z0-9]|[A-Z]{2})`, 'g'), (m) =>
      make(m[1], m[2], null, m[0]),
    )(text),
  (text, dq) => firstOf(/#([A-Za-z0-9]{2,20})(?:PERP)?(?![A-Za-z0-9/])/g, (m) => make(m[1].replace(/PERP$/, ''), null, dq, m[0]))(text),
  // A run of capitals; in text that lost its newlines ("STXUSDTExchange") the last capital
  // before a lower-case letter starts the next word.
  (text) =>
    firstOf(/(?<![A-Za-z0-9])[A-Z0-9]{4,24}(?=([a-z])?)/g, (m) => {
      const run = m[1] ? m[0].slice(0, -1) : m[0];
      const glued = splitGluedSymbol(run.replace(/PERP$/, ''));
      return glued ? make(glued[0], glued[1], null, run) : null;
    })(text),
  (text, dq) =>
    firstOf(/\b(?:pair|coin name|coin|symbol|name)\s*:?\s*#?([A-Za-z0-9]{2,15})\b/gi, (m) => make(m[1], null, dq, m[0]))(text),
  (text, dq) => firstOf(/(?<![A-Za-z0-9])([A-Z][A-Z0-9]{1,9})\s+(?:LONG|SHORT)/g, (m) => make(m[1], null, dq, m[1]))(text),
];

export function findPair(text: string, defaultQuote: string | null): FoundPair | null {
  for (const find of FINDERS) {
    const found = find(text, defaultQuote);
    if (found) return found;
  }
  return null;
}

/**
 * Normalizes a ticker from TradingView or JSON: drops the exchange prefix ("BINANCE:"), the
 * perpetual markers (".P", "PERP"), and splits the quote. Returns null when no coin is left.
 */
export function normalizeTicker(ticker: string, defaultQuote: string | null): FoundPair | null {
  const cleaned = ticker.trim().toUpperCase().replace(/^[A-Z0-9_]+:/, '').replace(/\.P$/, '').replace(/PERP$/, '');
  const sep = cleaned.match(/^([A-Z0-9]{1,20})\s*[/_-]\s*([A-Z0-9]{2,10})$/);
  if (sep) return hasLetter(sep[1]) ? make(sep[1], sep[2], null, ticker) : null;
  if (!/^[A-Z0-9]{2,25}$/.test(cleaned)) return null;
  return make(cleaned, null, defaultQuote, ticker);
}
