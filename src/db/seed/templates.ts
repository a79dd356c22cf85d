/**
 * System bot templates, one per bot type. `config` is the engine config for that type (the
 * engines' zod schemas validate it when a template is deployed); `defaultSettings` holds the
 * bot-level settings (pair, timeframe, paper balance).
 */
export const SYSTEM_TEMPLATES = [
  {
    id: 'tpl_ai_balanced', name: 'AI multi-indicator (balanced)', type: 'ai', category: 'trading', complexity: 'beginner',
    description: 'Scores RSI, MACD, EMA trend and Bollinger position; buys on a confident BUY, sells on SELL.',
    tags: ['ai', 'trend', 'beginner'], featured: true,
    config: { minConfidence: 40, positionSizePercent: 20, stopLossPercent: 3, takeProfitPercent: 6 },
    defaultSettings: { tradingPair: 'BTC/USDT', timeframe: '5m', initialBalance: '1000' },
  },
  {
    id: 'tpl_signal_follow', name: 'Signal follower', type: 'signal', category: 'trading', complexity: 'beginner',
    description: 'Opens positions from a signal provider: split across targets, stop moves to breakeven after TP1.',
    tags: ['signals', 'copy-trading'], featured: true,
    config: { positionSizePercent: 10, split: 'evenly', trailing: 'breakeven_after_tp1', maxOpenTrades: 5, defaultStopLossPercent: 5 },
    defaultSettings: { tradingPair: 'BTC/USDT', timeframe: '1m', initialBalance: '1000' },
  },
  {
    id: 'tpl_dca_classic', name: 'DCA classic (3Commas style)', type: 'dca', category: 'trading', complexity: 'beginner',
    description: 'Base order plus up to 5 safety orders at widening steps; take profit 1.5 % over the average entry.',
    tags: ['dca', 'accumulation'], featured: true,
    config: { baseOrderSize: 20, safetyOrderSize: 20, maxSafetyOrders: 5, activeSafetyOrders: 2, priceDeviationPercent: 1, safetyOrderStepScale: 1.5, safetyOrderVolumeScale: 1.5, takeProfitPercent: 1.5, maxActiveDeals: 1 },
    defaultSettings: { tradingPair: 'BTC/USDT', timeframe: '5m', initialBalance: '1000' },
  },
  {
    id: 'tpl_grid_range', name: 'Grid in a range', type: 'grid', category: 'trading', complexity: 'intermediate',
    description: 'Buys low and sells high between a lower and an upper price, profit counted per matched pair.',
    tags: ['grid', 'sideways'], featured: false,
    config: { lowerPrice: 16000, upperPrice: 24000, gridLevels: 21, mode: 'geometric', investment: 900 },
    defaultSettings: { tradingPair: 'BTC/USDT', timeframe: '5m', initialBalance: '1000' },
  },
  {
    id: 'tpl_arbitrage_spot', name: 'Cross-exchange spread', type: 'arbitrage', category: 'arbitrage', complexity: 'advanced',
    description: 'Buys on the cheaper venue and sells on the dearer one when the spread beats both fees.',
    tags: ['arbitrage'], featured: false,
    config: { venues: ['binance', 'okx'], minProfitPercent: 0.05, maxTradeQuote: 200, cooldownMinutes: 1 },
    defaultSettings: { tradingPair: 'BTC/USDT', timeframe: '1m', initialBalance: '1000' },
  },
  {
    id: 'tpl_pump_screener', name: 'Pump screener', type: 'pump_screener', category: 'trading', complexity: 'intermediate',
    description: 'Watches price and volume jumps over a short window and raises alerts by confidence.',
    tags: ['screener', 'alerts'], featured: false,
    config: { windowCandles: 15, priceChangePercent: 2, volumeChangePercent: 150 },
    defaultSettings: { tradingPair: 'LTC/USDT', timeframe: '1m', initialBalance: '1000' },
  },
  {
    id: 'tpl_scalping_meanrev', name: 'Scalping mean reversion', type: 'scalping', category: 'trading', complexity: 'advanced',
    description: 'Fades short-term stretches from the mean with a tight take profit and stop.',
    tags: ['scalping', 'mean-reversion'], featured: false,
    config: { bollingerPeriod: 20, bollingerMultiplier: 2, takeProfitPercent: 0.4, stopLossPercent: 0.3, positionSizePercent: 20 },
    defaultSettings: { tradingPair: 'BTC/USDT', timeframe: '1m', initialBalance: '1000' },
  },
  {
    id: 'tpl_combo_grid_dca', name: 'Combo: grid with DCA', type: 'combo', category: 'trading', complexity: 'advanced',
    description: 'A DCA deal whose take profit is a small grid of sell levels between a first and a last target.',
    tags: ['combo', 'grid', 'dca'], featured: false,
    config: { baseOrderSize: 40, safetyOrderSize: 40, maxSafetyOrders: 4, activeSafetyOrders: 1, priceDeviationPercent: 2, safetyOrderStepScale: 1.2, safetyOrderVolumeScale: 1.3, gridLevels: 5, gridMode: 'arithmetic', firstTakeProfitPercent: 0.5, lastTakeProfitPercent: 2.5, maxActiveDeals: 1 },
    defaultSettings: { tradingPair: 'BTC/USDT', timeframe: '5m', initialBalance: '1000' },
  },
] as const;
