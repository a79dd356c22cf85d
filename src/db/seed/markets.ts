/**
 * Exchanges and trading pairs with their precision. Figures follow each venue's published
 * spot rules (tick size → price decimals, step size → quantity decimals, minimum quantity).
 */
export const EXCHANGES = [
  { id: 'ex_binance', name: 'binance', apiUrl: 'https://api.binance.com', websocketUrl: 'wss://stream.binance.com:9443', fees: { maker: '0.001', taker: '0.001' } },
  { id: 'ex_okx', name: 'okx', apiUrl: 'https://www.okx.com', websocketUrl: 'wss://ws.okx.com:8443/ws/v5/public', fees: { maker: '0.0008', taker: '0.001' } },
  { id: 'ex_bybit', name: 'bybit', apiUrl: 'https://api.bybit.com', websocketUrl: 'wss://stream.bybit.com/v5/public/spot', fees: { maker: '0.001', taker: '0.001' } },
] as const;

// [base, quote, pricePrecision, quantityPrecision, minOrderSize]
const PAIRS: [string, string, number, number, string][] = [
  ['BTC', 'USDT', 2, 5, '0.00001'],
  ['ETH', 'USDT', 2, 4, '0.0001'],
  ['SOL', 'USDT', 2, 3, '0.001'],
  ['BNB', 'USDT', 2, 3, '0.001'],
  ['XRP', 'USDT', 4, 1, '1'],
  ['LTC', 'USDT', 2, 3, '0.001'],
  ['DOGE', 'USDT', 5, 0, '1'],
  ['ETH', 'BTC', 5, 4, '0.0001'],
  ['LTC', 'BTC', 6, 3, '0.001'],
];

export function tradingPairsFor(exchangeId: string) {
  return PAIRS.map(([base, quote, pricePrecision, quantityPrecision, minOrderSize]) => ({
    id: `${exchangeId}_${base}${quote}`.toLowerCase(),
    exchangeId,
    symbol: `${base}${quote}`,
    base,
    quote,
    pricePrecision,
    quantityPrecision,
    minOrderSize,
  }));
}

export const SUPPORTED_PAIRS = PAIRS.map(([b, q]) => `${b}/${q}`);
